/// The API reference's own examples, used as server replies.
public enum Fixtures {
    public static let overview = """
        {
          "thisNodeName": "node-a",
          "defaultNodeName": "node-a",
          "nodes": [
            {
              "name": "node-a",
              "role": "all",
              "url": "https://node-a.internal:3000",
              "tags": [],
              "status": "online",
              "lastHeartbeatAt": "2026-05-18T10:00:00.000Z",
              "startedAt": "2026-05-17T22:00:00.000Z",
              "version": "0.1.0",
              "hostname": "ip-10-0-0-1",
              "pid": 1234
            }
          ],
          "assignments": [
            { "entityType": "browser", "entityId": "tenant1:brw_42", "nodeName": "node-b", "mode": "strict", "updatedBy": "u_…", "updatedAt": "…" }
          ]
        }
        """

    public static let instances = """
        {
          "instances": [
            {
              "entityType": "agent",
              "entityId": "tenant1:research-agent",
              "name": "Research Agent",
              "subtitle": "research-agent",
              "tenantId": "tenant1",
              "tenantSlug": "acme",
              "projectId": "prj_…",
              "nodeName": "node-a",
              "mode": "preferred",
              "explicit": false
            },
            {
              "entityType": "browser",
              "entityId": "tenant1:brw_42",
              "name": "research-browser",
              "subtitle": "brw_42",
              "tenantId": "tenant1",
              "tenantSlug": "acme",
              "projectId": "prj_…",
              "nodeName": "node-b",
              "mode": "strict",
              "explicit": true
            }
          ]
        }
        """
}
