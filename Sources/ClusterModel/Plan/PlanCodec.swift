import Foundation

/// The plan file `clustertui plan -o json` and the dashboard's `w` write,
/// and `clustertui apply` reads: one JSON object, keys in a stable order.
///
/// Reading is strict, since a plan file is written by hand as often as by
/// us: every problem is named by its place (`items[3].to.mode`) and the
/// whole file is refused, so nothing is sent from a half-understood plan.
public enum PlanCodec {
    public static let format = "clustertui-plan"
    public static let version = 1

    // MARK: Writing

    public static func encode(_ plan: MovePlan) -> Data {
        var items: [[String: Any]] = []
        items.reserveCapacity(plan.items.count)
        for item in plan.items {
            var object: [String: Any] = [
                "entityType": item.key.entityType.rawValue, "entityId": item.key.entityId, "name": item.name,
                "fromNode": item.fromNode, "from": item.from.jsonObject, "to": item.to.jsonObject,
            ]
            if let risk = item.riskAfter { object["riskAfter"] = risk.rawValue }
            items.append(object)
        }
        var root: [String: Any] = [
            "format": format, "version": version, "id": plan.id, "kind": plan.kind.rawValue, "summary": plan.summary,
            "createdAt": WireDate.format(plan.createdAt), "unchanged": plan.unchanged, "warnings": plan.warnings,
            "notes": plan.notes, "items": items,
        ]
        if let context = plan.context { root["context"] = context }
        if let url = plan.url { root["url"] = url }
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        // C1 and bidi controls escaped too: `cat plan.json` must not drive the terminal (issue 20).
        return JSONControlEscaping.escape(data) + Data("\n".utf8)
    }

    // MARK: Reading

    /// Parses a plan file, or says exactly what is wrong with it.
    public static func decode(_ data: Data) throws(PlanError) -> MovePlan {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw PlanError("not JSON: " + TextSanitizer.excerpt(jsonProblem(error, data)))
        }
        guard let object = root as? [String: Any] else { throw PlanError("not a plan: the file must hold one JSON object") }
        var reader = FieldReader(object: object, path: "")
        if let format = try reader.optionalString("format"), format != Self.format {
            throw PlanError("format: \"\(TextSanitizer.excerpt(format, limit: 40))\" is not \"\(Self.format)\"")
        }
        if let version = object["version"] as? Int, version != Self.version {
            throw PlanError("version: \(version) is not supported (this clustertui reads version \(Self.version))")
        }
        let kindText = try reader.string("kind")
        guard let kind = MovePlan.Kind(rawValue: kindText) else {
            throw PlanError("kind: \"\(TextSanitizer.excerpt(kindText, limit: 40))\" is not rebind, evacuate or undo")
        }
        guard let createdAt = WireDate.parse(try reader.string("createdAt")) else {
            throw PlanError("createdAt: not an ISO-8601 time")
        }
        guard let rawItems = object["items"] as? [Any] else { throw PlanError("items: missing, or not a list") }
        var items: [PlanItem] = []
        items.reserveCapacity(rawItems.count)
        var seen = Set<EntityKey>()
        for (index, raw) in rawItems.enumerated() {
            let item = try decodeItem(raw, path: "items[\(index)]")
            guard seen.insert(item.key).inserted else {
                throw PlanError("items[\(index)]: \(TextSanitizer.excerpt(item.key.description, limit: 60)) appears twice")
            }
            items.append(item)
        }
        return MovePlan(
            id: try reader.string("id"), kind: kind, summary: try reader.optionalString("summary") ?? "", createdAt: createdAt,
            context: try reader.optionalString("context"), url: try reader.optionalString("url"), items: items,
            unchanged: object["unchanged"] as? Int ?? 0, warnings: object["warnings"] as? [String] ?? [],
            notes: object["notes"] as? [String] ?? [])
    }

    private static func decodeItem(_ raw: Any, path: String) throws(PlanError) -> PlanItem {
        guard let object = raw as? [String: Any] else { throw PlanError("\(path): not an object") }
        var reader = FieldReader(object: object, path: path)
        let type = try reader.string("entityType")
        guard !type.isEmpty, type.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw PlanError("\(path).entityType: \"\(TextSanitizer.excerpt(type, limit: 40))\" is not an entity type")
        }
        let id = try reader.string("entityId")
        guard !id.isEmpty else { throw PlanError("\(path).entityId: empty") }
        let from = try decodeBinding(object["from"], path: path + ".from")
        let to = try decodeBinding(object["to"], path: path + ".to")
        let name = try reader.optionalString("name") ?? id
        let fromNode = try reader.optionalString("fromNode") ?? from.node ?? ""
        return PlanItem(key: EntityKey(EntityType(type), id), name: name, from: from, fromNode: fromNode, to: to)
    }

    private static func decodeBinding(_ raw: Any?, path: String) throws(PlanError) -> PlanBinding {
        guard let raw else { throw PlanError("\(path): missing") }
        guard let object = raw as? [String: Any] else { throw PlanError("\(path): not an object") }
        if let isDefault = object["default"] as? Bool, isDefault {
            guard object["node"] == nil else { throw PlanError("\(path): both \"default\" and \"node\"") }
            return .followsDefault
        }
        var reader = FieldReader(object: object, path: path)
        let node = try reader.string("node").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !node.isEmpty else { throw PlanError("\(path).node: empty") }
        let mode = try reader.string("mode")
        guard mode == "strict" || mode == "preferred" else {
            throw PlanError("\(path).mode: \"\(TextSanitizer.excerpt(mode, limit: 40))\" is not strict or preferred")
        }
        return .explicit(node: node, mode: AssignmentMode(mode))
    }

    /// The parser's message, with the line and column of the offset it names
    /// ("around character 17", or the error's index).
    private static func jsonProblem(_ error: Error, _ data: Data) -> String {
        let ns = error as NSError
        let message = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        var offset = ns.userInfo["NSJSONSerializationErrorIndex"] as? Int
        if offset == nil, let range = message.range(of: "character ") {
            offset = Int(message[range.upperBound...].prefix { $0.isNumber })
        }
        guard let offset else { return message }
        let prefix = data.prefix(max(0, offset))
        let line = prefix.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? prefix.startIndex
        return "line \(line), column \(prefix.count - (lineStart - prefix.startIndex) + 1): \(message)"
    }
}

/// Reads the fields of one JSON object, naming `path.field` in every error.
private struct FieldReader {
    let object: [String: Any]
    let path: String

    func place(_ field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }

    mutating func string(_ field: String) throws(PlanError) -> String {
        guard let value = object[field] else { throw PlanError("\(place(field)): missing") }
        guard let text = value as? String else { throw PlanError("\(place(field)): not a string") }
        return text
    }

    mutating func optionalString(_ field: String) throws(PlanError) -> String? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw PlanError("\(place(field)): not a string") }
        return text
    }
}
