import CSQLite
import Foundation

/// A value bound to or read from a statement.
enum SQLValue: Equatable {
    case int(Int64), double(Double), text(String), null

    init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    init(_ value: Double?) { self = value.map { .double($0) } ?? .null }
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Date?) { self = value.map { .double($0.timeIntervalSince1970) } ?? .null }

    var int: Int? {
        switch self {
        case .int(let v): Int(v)
        case .double(let v): Int(v)
        default: nil
        }
    }
    var double: Double? {
        switch self {
        case .int(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }
    var text: String? { if case .text(let v) = self { v } else { nil } }
    var date: Date? { double.map(Date.init(timeIntervalSince1970:)) }
}

/// One result row, by column name.
struct SQLRow {
    let values: [String: SQLValue]
    subscript(_ column: String) -> SQLValue { values[column] ?? .null }
}

/// A failure from SQLite, with its (extended) result code.
struct SQLiteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    /// Another connection holds the lock past the busy time-out.
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
    var description: String { "\(message) (SQLite \(code))" }
}

/// A minimal SQLite connection for the history store (issue 22): prepared
/// statements cached by their text, one IMMEDIATE transaction at a time,
/// a busy time-out. Written against the C API rather than GRDB so that the
/// dashboard, which records on every poll, does not page in GRDB's code
/// (≈ 2 MB of resident memory at S1, where the budget is 30 MB).
///
/// Text is stored with control characters and `%` escaped as `%XX` (and
/// read back as it was): nothing written to the file carries a raw control
/// character, whatever a server sent.
final class SQLiteConnection {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String, readOnly: Bool) throws {
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK else {
            let error = SQLiteError(code: rc, message: db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
            sqlite3_close_v2(db)
            db = nil
            throw error
        }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5000)
        // A small store, written a few rows at a time: a small page cache
        // (128 KB, not 2 MB) is enough and keeps the dashboard's memory down.
        try execute("PRAGMA cache_size = -128")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(db)
    }

    /// Runs one or more statements without arguments.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, sql, nil, nil, &message)
        guard rc == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw SQLiteError(code: rc, message: text)
        }
    }

    /// Runs one statement with `arguments`, discarding rows.
    func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
        _ = try step(sql, arguments, collect: false)
    }

    /// The rows of one statement.
    func rows(_ sql: String, _ arguments: [SQLValue] = []) throws -> [SQLRow] {
        try step(sql, arguments, collect: true)
    }

    /// The first column of the first row.
    func value(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLValue {
        try rows(sql, arguments).first?.values.values.first ?? .null
    }

    /// `body` in one IMMEDIATE transaction (the write lock first, so a read
    /// then write never dead-locks with another process); rolled back on error.
    func transaction(_ body: () throws -> Void) throws {
        try execute("BEGIN IMMEDIATE")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func step(_ sql: String, _ arguments: [SQLValue], collect: Bool) throws -> [SQLRow] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, argument) in arguments.enumerated() {
            let i = Int32(index + 1)
            switch argument {
            case .int(let v): sqlite3_bind_int64(statement, i, v)
            case .double(let v): sqlite3_bind_double(statement, i, v)
            case .text(let v): sqlite3_bind_text(statement, i, StoredText.encode(v), -1, Self.transient)
            case .null: sqlite3_bind_null(statement, i)
            }
        }
        var rows: [SQLRow] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return rows }
            guard rc == SQLITE_ROW else { throw SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(db))) }
            if collect { rows.append(row(statement)) }
        }
    }

    private func row(_ statement: OpaquePointer) -> SQLRow {
        var values: [String: SQLValue] = [:]
        for column in 0..<sqlite3_column_count(statement) {
            let name = String(cString: sqlite3_column_name(statement, column))
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: values[name] = .int(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: values[name] = .double(sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                values[name] = .text(StoredText.decode(String(cString: sqlite3_column_text(statement, column))))
            default: values[name] = .null
            }
        }
        return SQLRow(values: values)
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(db)))
        }
        statements[sql] = statement
        return statement
    }
}

/// Text as the history file keeps it: C0 and C1 control characters, DEL
/// and `%` as `%XX` (`%1B` for ESC), everything else as it is.
enum StoredText {
    static func encode(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += String(format: "%%%02X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func decode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            scalars = scalars.dropFirst()
            if first == "%", scalars.count >= 2, let value = UInt32(String(String.UnicodeScalarView(scalars.prefix(2))), radix: 16),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                scalars = scalars.dropFirst(2)
            } else {
                out.append(first)
            }
        }
        return String(out)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "%"
    }
}
