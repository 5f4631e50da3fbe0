import CNcurses
import ClusterGrid

/// Turns what `get_wch` returns into a `Key`: a character (OK) or a curses
/// key code (KEY_CODE_YES). Kept apart from `Terminal` so it can be tested
/// without a terminal.
package enum KeyDecoder {
    /// A character read in raw mode: control bytes become named keys or `.ctrl`.
    package static func key(character v: UInt32) -> Key {
        switch v {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + v))))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        default:
            guard let scalar = Unicode.Scalar(v) else { return .unknown(Int32(bitPattern: v)) }
            return .char(Character(scalar))
        }
    }

    /// A curses function-key code (KEY_UP, KEY_F(1)…); nil for KEY_RESIZE and
    /// KEY_MOUSE, which the terminal handles itself.
    package static func key(code: Int32) -> Key? {
        switch code {
        case KEY_RESIZE, KEY_MOUSE: return nil
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        default:
            let f0 = ctui_key_f0()
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            return .unknown(code)
        }
    }
}
