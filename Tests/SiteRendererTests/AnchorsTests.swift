import Testing

@testable import SiteRenderer

@Suite struct AnchorsTests {
    @Test(arguments: [
        ("Gradient descent, step by step", "gradient-descent-step-by-step"),
        ("The rule x⁽ᵗ⁺¹⁾ = x⁽ᵗ⁾ − γ∇f", "the-rule-xᵗ¹-xᵗ-γf"),
        ("  Adam -- bias correction  ", "adam-bias-correction"),
        ("梯度下降法", "梯度下降法"),
        ("Step 2: f'(x) = 0", "step-2-fx-0"),
        ("snake_case stays", "snake_case-stays"),
        ("???", "section"),
    ])
    func slugs(text: String, slug: String) {
        #expect(Anchors.slug(text) == slug)
    }

    @Test func aSecondHeadingWithTheSameAnchorIsNumberedAndNamesTheFirst() {
        var anchors = Anchors()
        #expect(anchors.claim("Exercise", line: 3) == ("exercise", nil))
        #expect(anchors.claim("exercise!", line: 9) == ("exercise-2", 3))
        #expect(anchors.claim("Exercise", line: 12) == ("exercise-3", 3))
        #expect(anchors.contains("exercise-2"))
        #expect(!anchors.contains("exercise-4"))
    }
}
