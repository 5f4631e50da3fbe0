import ClusterModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a line from the operator: with echo off for passwords when stdin
/// is a terminal (termios), or the next line of stdin when it is not (so
/// `printf '%s\n' "$PW" | clustertui login …` works in scripts).
enum PasswordPrompt {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Prompts on stderr and reads a line; `secret` turns terminal echo off.
    static func readLine(prompt: String, secret: Bool) throws -> String {
        guard stdinIsTerminal else {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw ClusterError.usage("expected \(prompt.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))) on stdin, got end of input")
            }
            return line
        }
        StandardError.write(prompt)
        guard secret else {
            return Swift.readLine(strippingNewline: true) ?? ""
        }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else {
            throw ClusterError.usage("cannot turn off terminal echo to read the password")
        }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ICANON)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0 else {
            throw ClusterError.usage("cannot turn off terminal echo to read the password")
        }
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            StandardError.write("\n")
        }
        return Swift.readLine(strippingNewline: true) ?? ""
    }
}
