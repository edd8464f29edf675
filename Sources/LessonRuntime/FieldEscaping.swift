/// How a text field travels inside one line of a channel message: backslash, tab and
/// newline are escaped, so a field never splits a line or its neighbours.
package enum FieldEscaping {
    package static func escape(_ field: String) -> String {
        var result = ""
        for character in field {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result
    }

    package static func unescape<S: StringProtocol>(_ field: S) -> String {
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                result.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
