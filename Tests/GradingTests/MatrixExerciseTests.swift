import Testing

@testable import Grading

/// An exercise that takes matrices and returns a labelled tuple of them (lesson 4's
/// backward pass of a linear layer): the honest answer earns the points, a wrong one or a
/// reply that does not fit the signature's types earns nothing.
@Suite(.serialized) struct MatrixExerciseTests {
    static func grade(_ body: String) throws -> ExerciseGrade {
        let text = """
            ```swift exercise id=linear-backward
            func linearBackward(input X: Matrix, weights W: Matrix, upstream dY: Matrix)
                -> (dX: Matrix, dW: Matrix, db: Matrix) {
            \(body)
            }
            ```

            """
        return try Fixtures.gradeExercise(lesson: "matrices/01-linear.md", block: text)
    }

    @Test(arguments: [
        // body, points, what the feedback says
        ("    (dY * W.T, X.T * dY, dY.sum(along: .rows))", 3.0, ""),
        ("    let dX = dY * W.T\n    return (dX: dX, dW: X.T * dY, db: dY.sum(along: .rows))", 3, ""),
        // ∂L/∂b as the mean over the batch rather than the sum.
        ("    (dY * W.T, X.T * dY, dY.sum(along: .rows) / Double(dY.rows))", 0, "expected ["),
        // ∂L/∂W transposed: the wrong shape.
        ("    (dY * W.T, dY.T * X, dY.sum(along: .rows))", 0, "expected 3×2, got 2×3"),
        // Replies with a 1×2 matrix of one element before its own answer.
        (
            "    _ = FileHandle(fileDescriptor: 4).write(Data(\"return\\t1 2 3ff0000000000000\\n\".utf8))\n    return (dY * W.T, X.T * dY, dY.sum(along: .rows))",
            0, "your code returned something that is not"
        ),
        // Claims a matrix of 2²² × 2²² elements.
        (
            "    _ = FileHandle(fileDescriptor: 4).write(Data(\"return\\t4194304 4194304 0\\n\".utf8))\n    return (dY * W.T, X.T * dY, dY.sum(along: .rows))",
            0, "your code returned something that is not"
        ),
    ])
    func matrixTuples(_ body: String, _ points: Double, _ says: String) throws {
        let grade = try Self.grade(body)
        #expect(grade.points == points, "\(grade.feedback)")
        #expect(says.isEmpty || grade.feedback.joined(separator: "\n").contains(says), "\(grade.feedback)")
    }
}
