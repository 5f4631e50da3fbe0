import CNcurses
import ClusterGrid
import Glibc

/// Input: waiting on the terminal and the wake pipe, and decoding what came.
extension Terminal {
    /// Waits up to `timeout` seconds (nil: until something happens) for
    /// input, a signal, a resize or a wake-up, then returns everything that
    /// is pending: all buffered keys, resizes coalesced into one (the final
    /// size), signals, `.wake` once. Returns early without waiting when a
    /// signal is already pending; an empty array means the time-out passed.
    /// Never spins: at end of input it reports `.hangup` every call.
    package func nextEvents(timeout: Double?) -> [TerminalEvent] {
        if !SignalBridge.cursesActive.load(ordering: .acquiring), !isStopped {
            // A crash handler ended curses: Swift's backtracer is printing
            // and will end the process. Neither draw nor exit under it.
            while true { _ = poll(nil, 0, -1) }
        }
        guard isActive else { return [.hangup] }
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalBridge.wakeReadFD.load(ordering: .acquiring), events: Int16(POLLIN), revents: 0),
        ]
        let rc = poll(&fds, 2, Self.milliseconds(timeout))
        if rc < 0 { fds[0].revents = 0; fds[1].revents = 0 }  // EINTR: a signal; its bit is read below
        var events: [TerminalEvent] = []
        if fds[1].revents & Int16(POLLIN) != 0, Self.drainWakePipe().wake { events.append(.wake) }
        var resized = false
        for sig in SignalBridge.takePending() {
            if sig == SIGWINCH {
                resized = syncSizeWithKernel() || resized
            } else {
                events.append(.signal(sig))
            }
        }
        let inputReady = fds[0].revents & Int16(POLLIN) != 0
        let gotKeys = inputReady || resized ? drainKeys(into: &events, resized: resized) : false
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 || (inputReady && !gotKeys && Self.atEndOfInput()) {
            events.append(.hangup)
        }
        return events
    }

    /// Reads every pending key (nodelay). Returns true when anything was read.
    private func drainKeys(into events: inout [TerminalEvent], resized: Bool) -> Bool {
        var got = false
        var sawResize = resized
        var ch: wint_t = 0
        for _ in 0..<4096 {
            let rc = ctui_get_wch(&ch)
            if rc == ERR { break }
            got = true
            if rc == KEY_CODE_YES {
                let code = Int32(bitPattern: ch)
                if code == KEY_RESIZE { sawResize = true; continue }
                if code == KEY_MOUSE { if let m = readMouse() { events.append(m) }; continue }
                if let key = KeyDecoder.key(code: code) { events.append(.key(key)) }
            } else {
                events.append(.key(KeyDecoder.key(character: UInt32(ch))))
            }
        }
        if sawResize {
            let s = size
            events.append(.resize(width: s.width, height: s.height))
        }
        return got
    }

    private func readMouse() -> TerminalEvent? {
        var x: Int32 = 0, y: Int32 = 0
        var state: UInt = 0
        guard ctui_getmouse(&x, &y, &state) == OK else { return nil }
        let button: MouseButton
        if state & ctui_button4_pressed() != 0 {
            button = .scrollUp
        } else if ctui_button5_pressed() != 0, state & ctui_button5_pressed() != 0 {
            button = .scrollDown
        } else if state & ctui_button1_clicked() != 0 {
            button = .left
        } else if state & ctui_button2_any() != 0 {
            button = .middle
        } else if state & ctui_button3_any() != 0 {
            button = .right
        } else {
            return nil  // releases and motion: nothing the app acts on
        }
        return .mouse(x: Int(x), y: Int(y), button: button)
    }

    /// stdin polls readable but holds no bytes: end of file.
    private static func atEndOfInput() -> Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return false }
        if fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        return fd.revents & Int16(POLLIN) != 0 && ctui_bytes_pending(STDIN_FILENO) == 0
    }

    /// poll(2)'s time-out: -1 for none, else milliseconds rounded up (so a
    /// deadline is never woken for early and re-polled with 0).
    package static func milliseconds(_ timeout: Double?) -> Int32 {
        guard let timeout else { return -1 }
        guard timeout.isFinite else { return timeout > 0 ? -1 : 0 }
        let ms = (max(0, timeout) * 1000).rounded(.up)
        return ms >= Double(Int32.max) ? Int32.max : Int32(ms)
    }
}
