# Turns the free text that swift-argument-parser's generate-manual copies
# verbatim from the commands' discussions into mdoc: a blank line becomes
# a paragraph break (.Pp) and a run of indented lines (the exit-code and
# resource tables) a literal display, so man renders them as in --help and
# groff has nothing to warn about. Macro lines pass through unchanged.
function close_literal() { if (literal) { print ".Ed"; literal = 0 } }
/^[.']/ { close_literal(); print; next }
/^$/ { close_literal(); pending_pp = 1; next }
/^  / {
    if (!literal) { pending_pp = 0; print ".Bd -literal -offset indent"; literal = 1 }
    sub(/^  /, "")
    print
    next
}
{
    close_literal()
    if (pending_pp) { print ".Pp"; pending_pp = 0 }
    print
}
END { close_literal() }
