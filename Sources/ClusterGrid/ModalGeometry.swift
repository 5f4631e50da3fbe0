/// The arithmetic of a modal frame: shared by `ModalFrame`, which draws it,
/// and by state that must know its text width before any frame is drawn
/// (the `O` output view wraps its lines to it as they arrive).
package enum ModalGeometry {
    /// Columns between a frame's edge and its text: the border and one of padding.
    package static let sideInset = 2

    /// How wide a frame asked to be `width` is on a screen this wide: within
    /// a one-column margin each side.
    package static func width(_ width: Int, screenWidth: Int) -> Int {
        max(0, min(width, screenWidth - 2))
    }

    /// The text columns inside a frame this wide.
    package static func innerWidth(frameWidth: Int) -> Int {
        max(0, frameWidth - 2 * sideInset)
    }
}
