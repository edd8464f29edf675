/// Two matrices that a layer writes its results into by turns, so that once the shapes
/// settle a training step allocates no new storage for them.
///
/// The result of one pass is still held by whoever received it (a network's `outputs`,
/// the next layer's saved input) while the following pass runs; the result of the pass
/// before that is held by nobody else by then, so its storage is written over in place.
/// A result that someone still holds is never changed: copy-on-write gives the pass new
/// storage instead.
struct AlternatingBuffers {
    private var first = Matrix(rows: 0, columns: 0)
    private var second = Matrix(rows: 0, columns: 0)
    private var secondIsNext = false

    /// Lets `write` fill the older buffer with the next result, and returns that result.
    mutating func next(_ write: (inout Matrix) -> Void) -> Matrix {
        defer { secondIsNext.toggle() }
        if secondIsNext {
            write(&second)
            return second
        }
        write(&first)
        return first
    }
}
