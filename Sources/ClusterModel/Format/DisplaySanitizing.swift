import Foundation

/// Display-safe copies of wire values: every server string passed through
/// `TextSanitizer.visible` (DESIGN §6: sanitise once, where data enters).
///
/// Names and ids are sanitised too, so a copy is for showing only: anything
/// sent back to the server (a node name in a PUT, an entity id in a path)
/// must come from the raw value. Clean strings are returned as they are, so
/// a copy of clean data costs no allocation beyond the struct.
extension Node {
    public func sanitizedForDisplay() -> Node {
        var n = self
        n.name = TextSanitizer.visible(name)
        n.url = url.map(TextSanitizer.visible)
        n.tags = tags.map(TextSanitizer.visible)
        n.version = version.map(TextSanitizer.visible)
        n.hostname = hostname.map(TextSanitizer.visible)
        n.role = NodeRole(TextSanitizer.visible(role.rawValue))
        n.status = NodeStatus(TextSanitizer.visible(status.rawValue))
        return n
    }
}

extension Instance {
    public func sanitizedForDisplay() -> Instance {
        var i = self
        i.entityType = EntityType(TextSanitizer.visible(entityType.rawValue))
        i.entityId = TextSanitizer.visible(entityId)
        i.name = TextSanitizer.visible(name)
        i.subtitle = subtitle.map(TextSanitizer.visible)
        i.tenantId = tenantId.map(TextSanitizer.visible)
        i.tenantSlug = tenantSlug.map(TextSanitizer.visible)
        i.projectId = projectId.map(TextSanitizer.visible)
        i.nodeName = TextSanitizer.visible(nodeName)
        i.mode = AssignmentMode(TextSanitizer.visible(mode.rawValue))
        return i
    }
}

extension Assignment {
    public func sanitizedForDisplay() -> Assignment {
        var a = self
        a.entityType = EntityType(TextSanitizer.visible(entityType.rawValue))
        a.entityId = TextSanitizer.visible(entityId)
        a.nodeName = TextSanitizer.visible(nodeName)
        a.mode = AssignmentMode(TextSanitizer.visible(mode.rawValue))
        a.updatedBy = updatedBy.map(TextSanitizer.visible)
        return a
    }
}
