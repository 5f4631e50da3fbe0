import ArgumentParser
import ClusterClient
import ClusterModel
import Foundation

/// `clustertui login [--email E] [--tenant SLUG]`: signs in with email and
/// password and saves the session token to the token file (mode 0600).
/// The password is never taken from the command line.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in and save the session token.",
        discussion: """
            Needs --url or --context (or a current-context in the config file). The password is read \
            from the terminal without echo, or from the first line of stdin when stdin is not a \
            terminal (then --email is required). The token is written with mode 0600 to --token-file, \
            else the context's token-file, else \(ConnectionOptions.defaultTokenFile).
            """ + "\n" + CLIRun.exitCodeHelp)

    @Option(name: .customLong("email"), help: ArgumentHelp("Account email (prompted for when omitted).", valueName: "E"))
    var email: String?

    @Option(name: .customLong("tenant"), help: ArgumentHelp("Tenant slug to sign in to.", valueName: "SLUG"))
    var tenant: String?

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await CLIRun.run {
            guard let target = try connection.resolve() else {
                throw ClusterError.usage("login needs --url or --context")
            }
            let address = try email ?? readEmail()
            guard !address.trimmingCharacters(in: .whitespaces).isEmpty else { throw ClusterError.usage("the email is empty") }
            let password = try PasswordPrompt.readLine(prompt: "Password: ", secret: true)
            guard !password.isEmpty else { throw ClusterError.usage("the password is empty") }
            ConnectionOptions.warnIfInsecure(target)
            let client = try ClusterHTTPClient(connection.clientConfiguration(for: target, withToken: false))
            let token: String
            do {
                token = try await client.login(email: address, password: password, slug: tenant)
                await client.shutdown()
            } catch {
                await client.shutdown()
                throw error
            }
            try TokenStore.write(token, to: target.tokenFile)
            print("logged in to \(TextSanitizer.visible(target.label)); token saved to \(target.tokenFile) (mode 0600)")
            if ProcessInfo.processInfo.environment["CLUSTERTUI_TOKEN"] != nil {
                StandardError.line("clustertui: note: CLUSTERTUI_TOKEN is set and takes precedence over the token file")
            }
        }
    }

    private func readEmail() throws -> String {
        guard PasswordPrompt.stdinIsTerminal else {
            throw ClusterError.usage("--email is required when stdin is not a terminal")
        }
        return try PasswordPrompt.readLine(prompt: "Email: ", secret: false)
    }
}
