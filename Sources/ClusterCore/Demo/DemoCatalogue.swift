import ClusterModel
import Foundation

/// The demo's tenants and instances: every entity type, hostile ids
/// (`/ ? # %`, spaces, non-ASCII, emoji) and one name carrying an ANSI escape
/// sequence, so the dashboard's sanitising is exercised by default.
enum DemoCatalogue {
    static func tenants(forInstances count: Int) -> [Tenant] {
        var list = [
            Tenant(id: "t1", slug: "acme"), Tenant(id: "t2", slug: "globex"), Tenant(id: "t3", slug: "initech"),
            Tenant(id: "t4", slug: "müller-gmbh"), Tenant(id: "t5", slug: "東京-labs"), Tenant(id: "t6", slug: nil),
        ]
        let extra = max(0, min(500, count / 200) - list.count)
        for i in 0..<extra { list.append(Tenant(id: "t\(i + 7)", slug: "tenant-\(i + 7)")) }
        return list
    }

    /// Entities that make encoding and rendering bugs visible.
    static let hostile: [CatalogueEntry] = [
        CatalogueEntry(entityType: .agent, entityId: "t1:a/b?c#d%e f", name: "Hostile / ? # % id", subtitle: "a/b?c#d%e f", tenantId: "t1"),
        CatalogueEntry(entityType: .browser, entityId: "t4:ü-browser", name: "Müllers Browser", subtitle: "ü-browser", tenantId: "t4"),
        CatalogueEntry(entityType: .mcp, entityId: "t3:🚀-mcp", name: "Rocket 🚀 MCP", subtitle: "🚀-mcp", tenantId: "t3"),
        CatalogueEntry(entityType: .automation, entityId: "t1:nightly report", name: "Nightly report", subtitle: "with space", tenantId: "t1"),
        CatalogueEntry(entityType: .crawler, entityId: "t5:東京-crawler", name: "東京 クローラー", subtitle: "東京-crawler", tenantId: "t5"),
        CatalogueEntry(entityType: .alertRule, entityId: "t2:esc-rule", name: "\u{1B}[31mred\u{1B}[0m", subtitle: "escape sequence in name", tenantId: "t2"),
        CatalogueEntry(entityType: .ocr, entityId: "t6:100%", name: "100% OCR", subtitle: "100%", tenantId: "t6"),
        CatalogueEntry(entityType: .batch, entityId: "t2:q?x=1&y=2#frag", name: "Query-ish batch", subtitle: "q?x=1&y=2#frag", tenantId: "t2"),
        CatalogueEntry(entityType: .inferenceServer, entityId: "t3:llama/70b", name: "Llama 70B", subtitle: "llama/70b", tenantId: "t3"),
        CatalogueEntry(entityType: .jsSandbox, entityId: "t1:sandbox#1", name: "Sandbox #1", subtitle: "sandbox#1", tenantId: "t1"),
    ]

    static let words: [EntityType: (prefix: String, name: String)] = [
        .agent: ("agt", "Research Agent"), .mcp: ("mcp", "GitHub MCP"), .browser: ("brw", "research-browser"),
        .jsSandbox: ("jsb", "JS Sandbox"), .inferenceServer: ("inf", "Inference Server"),
        .alertRule: ("alr", "Disk Alert"), .automation: ("aut", "Weekly Digest"), .crawler: ("crw", "Docs Crawler"),
        .ocr: ("ocr", "Invoice OCR"), .batch: ("bat", "Nightly Batch"),
    ]

    /// `count` entities: the hostile ones first, then generated ones round-robin over types and tenants.
    static func entries(count: Int, tenants: [Tenant]) -> [CatalogueEntry] {
        var out = Array(hostile.prefix(count))
        out.reserveCapacity(count)
        let types = EntityType.known
        var i = 0
        while out.count < count {
            let type = types[i % types.count]
            let tenant = tenants[(i / types.count) % tenants.count]
            let w = words[type] ?? (type.rawValue, type.rawValue)
            let slug = "\(w.prefix)_\(i)"
            out.append(CatalogueEntry(
                entityType: type, entityId: "\(tenant.id):\(slug)", name: "\(w.name) \(i)", subtitle: slug,
                tenantId: tenant.id, projectId: "prj_\(i % 37)"))
            i += 1
        }
        return out
    }
}
