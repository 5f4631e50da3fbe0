import ClusterModel
import ClusterState
import Foundation

/// The field values a custom action is filled from, for its scope and
/// what is selected now (issue 24; `ActionField` is the allow-list).
extension CustomActionFlow {
    static func invocation(_ state: AppState, _ action: CustomAction) -> Result<ActionInvocation, ActionRefusal> {
        var values: [ActionField: String] = [.cluster: state.config.clusterURL]
        if let context = state.config.currentContext { values[.context] = context }
        switch action.scope {
        case .node:
            guard let node = selectedNode(state) else {
                // From an instance whose node the registry does not list (an orphan), say that, not "select a node".
                if state.focus == .instances, state.snapshot != nil, let name = state.selectedInstance?.nodeName {
                    return .failure(ActionRefusal(
                        "\(action.name) runs on a node: this instance's node \(TextSanitizer.excerpt(name, limit: 40)) is not in the registry"))
                }
                return .failure(ActionRefusal("\(action.name) runs on a node: select one in the nodes pane (1)"))
            }
            values[.name] = node.name
            values[.hostname] = node.hostname
            values[.url] = node.url
            values[.version] = node.version
            values[.status] = node.status.rawValue
            values[.role] = node.role.rawValue
            return ActionInvocation.prepare(action, subject: "node \(TextSanitizer.excerpt(node.name, limit: 40))", values: values)
        case .instance:
            guard state.focus == .instances, let instance = state.selectedInstance else {
                return .failure(ActionRefusal("\(action.name) runs on an instance: select one in the instances pane (2)"))
            }
            values[.type] = instance.entityType.rawValue
            values[.entityId] = instance.entityId
            values[.id] = instance.key.description
            values[.instanceName] = instance.name
            values[.node] = instance.nodeName
            values[.mode] = instance.mode.rawValue
            values[.tenantId] = instance.tenantId
            values[.projectId] = instance.projectId
            return ActionInvocation.prepare(action, subject: TextSanitizer.excerpt(instance.key.description, limit: 60), values: values)
        case .marked:
            guard !state.marks.isEmpty, let snapshot = state.snapshot else {
                return .failure(ActionRefusal("\(action.name) runs on the marked instances: mark some with Space"))
            }
            let marked = snapshot.instances.filter { state.marks.contains($0.key) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let stdin = try? encoder.encode(marked) else {
                return .failure(ActionRefusal("\(action.name): the marked rows could not be written as JSON"))
            }
            return ActionInvocation.prepare(action, subject: "\(marked.count) marked", values: values, stdin: stdin + Data("\n".utf8))
        }
    }

    /// The node of the nodes pane, or the selected instance's node from the instances pane.
    private static func selectedNode(_ state: AppState) -> Node? {
        switch state.focus {
        case .nodes: return state.selectedNode
        case .instances:
            guard let name = state.selectedInstance?.nodeName else { return nil }
            return state.snapshot?.overview.nodes.first { $0.name == name }
        case .events: return nil
        }
    }
}
