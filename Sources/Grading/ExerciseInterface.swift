import LessonParser
import LessonRunner
import SwiftSyntax

/// What a graded exercise's checks can call: the top-level functions of the instructor's
/// exercise block that hold a solution region, found with the compiler's own parser.
///
/// Each becomes a proxy in the checker and a served function in the exercise program (see
/// `RemoteExercise` in LessonRuntime), so its parameters and result must cross a process
/// boundary: values of `RemoteValue` types (numbers, `Bool`, `String`, DescentCore's
/// `Matrix`, arrays and optionals of them), tuples of two to four such values (labelled or
/// not, crossing as a `RemoteTuple`), and functions of one or two such values. Anything
/// else is refused, with why.
struct ExerciseInterface {
    /// How a parameter or a result crosses.
    enum Crossing: Equatable {
        /// As the `RemoteValue` it is.
        case value
        /// As a callback handle (a parameter of function type).
        case function
        /// As a `RemoteTuple` of these element types, in the instructor's spelling.
        case tuple([String])
    }

    struct Parameter {
        /// The argument label (nil for `_`).
        var label: String?
        /// The name inside the function.
        var name: String
        var crossing: Crossing
    }

    struct Function {
        var name: String
        var parameters: [Parameter]
        var result: Crossing
        /// The UTF-8 offsets of its body's braces in the block's code.
        var bodyStart: Int
        var bodyEnd: Int
        /// The lines of the body's braces in the block (1 = its first line).
        var bodyStartLine = 0
        var bodyEndLine = 0
        /// Its solution regions' lines in the block, markers included.
        var regions: [ClosedRange<Int>] = []

        /// `name(label:label:)`, as the student sees it.
        var signature: String {
            name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
        }
    }

    /// The block's code as parsed.
    let code: String
    let functions: [Function]

    /// Reads the exercise block; throws when a region is not inside a top-level function or
    /// a function cannot cross the process boundary.
    init(_ block: CodeBlock, file: String) throws {
        code = block.code
        let tree = try SwiftSource.parse(code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        let id = block.attributes.exercise ?? "?"
        var functions: [Function] = []
        var covered = Set<Int>()
        for item in tree.statements {
            guard let function = item.item.as(FunctionDeclSyntax.self), let body = function.body else { continue }
            let first =
                block.firstContentLine + converter.location(for: body.leftBrace.positionAfterSkippingLeadingTrivia).line
                - 1
            let last =
                block.firstContentLine
                + converter.location(for: body.rightBrace.positionAfterSkippingLeadingTrivia).line - 1
            let regions = block.solutions.filter { $0.lowerBound > first && $0.upperBound < last }
            guard !regions.isEmpty else { continue }
            regions.forEach { covered.insert($0.lowerBound) }
            var found = try Self.function(function, exercise: id, place: "\(file):\(first)")
            found.bodyStartLine = first - block.firstContentLine + 1
            found.bodyEndLine = last - block.firstContentLine + 1
            found.regions = regions.map {
                ($0.lowerBound - block.firstContentLine + 1)...($0.upperBound - block.firstContentLine + 1)
            }
            functions.append(found)
        }
        if let outside = block.solutions.first(where: { !covered.contains($0.lowerBound) }) {
            throw DescentError(
                "\(file):\(outside.lowerBound):1: error: exercise \(id): a solution region must be inside the body of a top-level function to be graded"
            )
        }
        self.functions = functions
    }

    private static func function(_ declaration: FunctionDeclSyntax, exercise: String, place: String) throws -> Function
    {
        let name = declaration.name.text
        func refuse(_ why: String) -> DescentError {
            DescentError("\(place):1: error: exercise \(exercise): \(name) cannot be graded across processes: \(why)")
        }
        let signature = declaration.signature
        if declaration.genericParameterClause != nil { throw refuse("it is generic") }
        if signature.effectSpecifiers != nil { throw refuse("it throws or is async") }
        guard let resultType = signature.returnClause?.type else { throw refuse("it returns nothing") }
        guard let result = Self.crossing(resultType) else {
            throw refuse(
                "its result type \(resultType.trimmedDescription) is not a RemoteValue or a tuple of two to four of them"
            )
        }
        var parameters: [Parameter] = []
        for parameter in signature.parameterClause.parameters {
            let label = parameter.firstName.text == "_" ? nil : parameter.firstName.text
            let inner = (parameter.secondName ?? parameter.firstName).text
            guard inner != "_" else { throw refuse("a parameter has no name") }
            if parameter.ellipsis != nil { throw refuse("parameter \(inner) is variadic") }
            var type = parameter.type
            if let attributed = type.as(AttributedTypeSyntax.self) {
                guard attributed.specifiers.isEmpty else {
                    throw refuse("parameter \(inner) is \(attributed.specifiers.trimmedDescription)")
                }
                guard attributed.attributes.allSatisfy({ $0.trimmedDescription == "@escaping" }) else {
                    throw refuse("parameter \(inner) has attributes \(attributed.attributes.trimmedDescription)")
                }
                type = attributed.baseType
            }
            if let function = type.as(FunctionTypeSyntax.self) {
                guard function.effectSpecifiers == nil, (1...2).contains(function.parameters.count),
                    function.parameters.allSatisfy({ crosses($0.type) }), crosses(function.returnClause.type)
                else {
                    throw refuse(
                        "parameter \(inner) is a function other than (Value) -> Value or (Value, Value) -> Value")
                }
                parameters.append(Parameter(label: label, name: inner, crossing: .function))
            } else {
                guard let crossing = crossing(type) else {
                    throw refuse(
                        "parameter \(inner)'s type \(type.trimmedDescription) is not a RemoteValue or a tuple of two to four of them"
                    )
                }
                parameters.append(Parameter(label: label, name: inner, crossing: crossing))
            }
        }
        guard let body = declaration.body else { throw refuse("it has no body") }
        return Function(
            name: name, parameters: parameters, result: result,
            bodyStart: body.leftBrace.positionAfterSkippingLeadingTrivia.utf8Offset,
            bodyEnd: body.rightBrace.positionAfterSkippingLeadingTrivia.utf8Offset)
    }

    /// The types `RemoteValue` covers.
    static let valueTypes: Set<String> = ["Double", "Float", "Int", "Bool", "String", "Matrix"]

    /// How a parameter or result of `type` crosses: as a `RemoteValue`, or as a tuple of
    /// two to four of them; nil when it cannot.
    private static func crossing(_ type: TypeSyntax) -> Crossing? {
        if crosses(type) { return .value }
        guard let tuple = type.as(TupleTypeSyntax.self), (2...4).contains(tuple.elements.count),
            tuple.elements.allSatisfy({ $0.ellipsis == nil && $0.inoutKeyword == nil && crosses($0.type) })
        else { return nil }
        return .tuple(tuple.elements.map(\.type.trimmedDescription))
    }

    /// Whether `type` is a `RemoteValue`: a value type, or an array or optional of one.
    private static func crosses(_ type: TypeSyntax) -> Bool {
        if let array = type.as(ArrayTypeSyntax.self) { return crosses(array.element) }
        if let optional = type.as(OptionalTypeSyntax.self) { return crosses(optional.wrappedType) }
        if let identifier = type.as(IdentifierTypeSyntax.self), identifier.genericArgumentClause == nil {
            return valueTypes.contains(identifier.name.text)
        }
        return false
    }

    // MARK: - The two programs' versions of the block

    /// The block with each function's body replaced by `body(index, function)`.
    func replacingBodies(_ body: (Int, Function) -> String) -> String {
        var bytes = Array(code.utf8)
        for (index, function) in functions.enumerated().reversed() {
            bytes.replaceSubrange((function.bodyStart + 1)..<function.bodyEnd, with: Array(body(index, function).utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The checker's version: each function sends its call to the exercise.
    func proxy(exercise id: String) -> String {
        replacingBodies { index, function in
            let arguments = function.parameters.map { parameter in
                "LessonRuntime.RemoteArgument(\(Self.wrapped(parameter.name, parameter.crossing)))"
            }.joined(separator: ", ")
            var call = "LessonRuntime._remoteCall(\(index), [\(arguments)], exercise: \(ProgramGenerator.literal(id)))"
            call = Self.unwrapped(call, function.result)
            for parameter in function.parameters where parameter.crossing == .function {
                call = "withoutActuallyEscaping(\(parameter.name)) { \(parameter.name) in \(call) }"
            }
            return " return \(call) "
        }
    }

    /// The exercise program's last statement: serves each function by its index.
    var server: String {
        let entries = functions.map { function in
            let arguments = function.parameters.enumerated().map { index, parameter in
                (parameter.label.map { "`\($0)`: " } ?? "")
                    + Self.unwrapped("try call.argument(\(index))", parameter.crossing)
            }
            let result = Self.wrapped("\(function.name)(\(arguments.joined(separator: ", ")))", function.result)
            return "    { call in call.reply(\(result)) },"
        }
        return (["LessonRuntime._serveExercise(["] + entries + ["])"]).joined(separator: "\n")
    }

    /// `expression` as it crosses: a tuple wrapped in its `RemoteTuple`.
    private static func wrapped(_ expression: String, _ crossing: Crossing) -> String {
        guard case .tuple(let types) = crossing else { return expression }
        return "\(tuple(types))(\(expression))"
    }

    /// `expression`, a `RemoteValue` read from a message, as the signature's type: a
    /// tuple read as its `RemoteTuple`, then its `value`.
    private static func unwrapped(_ expression: String, _ crossing: Crossing) -> String {
        guard case .tuple(let types) = crossing else { return expression }
        return "(\(expression) as \(tuple(types))).value"
    }

    /// The `RemoteTuple` type of a tuple with these element types.
    private static func tuple(_ types: [String]) -> String {
        "LessonRuntime.RemoteTuple<\(types.joined(separator: ", "))>"
    }
}
