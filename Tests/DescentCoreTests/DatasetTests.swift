import DescentCore
import Foundation
import Testing

@Suite struct DatasetTests {
    @Test func xorEasyHasTwentyOnePointsWithTheCentreOnce() {
        let data = Dataset.xorEasy()
        #expect(data.count == 21)
        #expect(data.inputs.shape == (21, 2))
        #expect(data.targets.sum() == 10)
        for i in 0..<21 {
            let (x1, x2, label) = (data.inputs[i, 0], data.inputs[i, 1], data.targets[i, 0])
            if label == 0 { expectClose(x1, x2, tolerance: 1e-15) } else { expectClose(x1 + x2, 1, tolerance: 1e-15) }
        }
        let centres = (0..<21).filter { abs(data.inputs[$0, 0] - 0.5) < 1e-12 && abs(data.inputs[$0, 1] - 0.5) < 1e-12 }
        #expect(centres.count == 1)
        #expect(data.targets[centres[0], 0] == 0)
        #expect(data.inputs.row(2) == [0.1, 0.1])
        expectClose(data.inputs.row(3), [0.1, 0.9], tolerance: 1e-15)
    }

    @Test func linearSetIsSeededAndLabelledByTheDiagonal() {
        let data = Dataset.linear()
        #expect(data.count == 100)
        #expect(data.inputs.min() >= 0 && data.inputs.max() < 1)
        for i in 0..<100 { #expect(data.targets[i, 0] == (data.inputs[i, 0] > data.inputs[i, 1] ? 0 : 1)) }
        #expect(Dataset.linear().inputs == data.inputs)
        #expect(Dataset.linear(seed: 2).inputs != data.inputs)
        let ones = data.targets.sum()
        #expect(ones > 30 && ones < 70)
    }

    @Test func samplesPicksRows() {
        let batch = Dataset.xorEasy().samples(at: [2, 0])
        #expect(batch.inputs.row(1) == [0, 0])
        #expect(batch.targets == Matrix(column: [0, 0]))
    }

    @Test func softmaxToyStartsNearLnThree() {
        let toy = SoftmaxToyProblem()
        #expect(toy.data.inputs.shape == (5, 4))
        #expect(toy.first.weight.value.shape == (4, 10))
        #expect(toy.second.weight.value.shape == (10, 3))
        expectClose(toy.totalLoss(), log(3), tolerance: 1e-4)
        expectClose(toy.first.weight.value.standardDeviation(), 1e-4, tolerance: 3e-5)
    }

    /// At the initial point the weights are 10⁻⁴ and some gradient entries are as small as
    /// 10⁻¹², below what a central difference of a loss ≈ 1.1 can resolve in Double; after
    /// 100 descent steps every entry is resolvable and the check passes.
    @Test func softmaxToyGradientsPassTheCheck() {
        let toy = SoftmaxToyProblem()
        let sgd = SGD(learningRate: 0.1)
        for _ in 0..<100 {
            toy.computeGradients()
            sgd.step(toy.network.parameters)
        }
        #expect(toy.totalLoss() < 0.5)
        let results = gradientCheck(
            toy.network.parameters, loss: toy.totalLoss, computeGradients: { toy.computeGradients() })
        #expect(results.count == 4)
        for result in results { #expect(result.maxRelativeError < 1e-7, "\(result.name): \(result.maxRelativeError)") }
    }
}
