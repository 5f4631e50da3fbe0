/* CNcurses: the one C header ClusterTUI imports for curses.
 * Swift 6 cannot import curses' global variables (stdscr, LINES, COLS,
 * acs_map) or its function-like macros (COLOR_PAIR, getmaxyx, A_BOLD...),
 * so each is wrapped here as a static inline function. Only
 * Sources/ClusterTUI/Terminal calls into this module.
 * Note: SwiftPM does not rebuild on an edit to this header alone; touch a
 * Swift file of ClusterTUI after changing it. */
#ifndef CLUSTERTUI_CNCURSES_SHIM_H
#define CLUSTERTUI_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *ctui_stdscr(void) { return stdscr; }
static inline int ctui_lines(void) { return LINES; }
static inline int ctui_cols(void) { return COLS; }
static inline int ctui_colors(void) { return COLORS; }
static inline int ctui_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t ctui_a_normal(void) { return A_NORMAL; }
static inline attr_t ctui_a_bold(void) { return A_BOLD; }
static inline attr_t ctui_a_dim(void) { return A_DIM; }
static inline attr_t ctui_a_reverse(void) { return A_REVERSE; }
static inline attr_t ctui_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ctui_a_standout(void) { return A_STANDOUT; }
static inline attr_t ctui_color_pair(int n) { return COLOR_PAIR(n); }

static inline int ctui_key_resize(void) { return KEY_RESIZE; }
static inline int ctui_key_mouse(void) { return KEY_MOUSE; }

/* Writes one cell: a wide-character string (one spacing char plus any
 * combining marks) with attributes and a colour pair, at (y, x). */
static inline int ctui_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

/* Reads one key: returns KEY_CODE_YES for a function key, OK for a
 * character, ERR when none is waiting. */
static inline int ctui_get_wch(wint_t *out) { return get_wch(out); }

static inline int ctui_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int ctui_keypad_on(void) { return keypad(stdscr, TRUE); }
static inline int ctui_nodelay_on(void) { return nodelay(stdscr, TRUE); }
static inline int ctui_leaveok_on(void) { return leaveok(stdscr, TRUE); }
static inline int ctui_clearok_on(void) { return clearok(stdscr, TRUE); }
static inline int ctui_wnoutrefresh(void) { return wnoutrefresh(stdscr); }

static inline int ctui_enable_mouse(void) {
    mmask_t old;
    return (int)mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, &old);
}
static inline int ctui_getmouse(int *x, int *y, unsigned long *bstate) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return ERR;
    *x = ev.x; *y = ev.y; *bstate = (unsigned long)ev.bstate;
    return OK;
}
static inline unsigned long ctui_button1_clicked(void) { return (unsigned long)(BUTTON1_CLICKED | BUTTON1_PRESSED); }
static inline unsigned long ctui_button4_pressed(void) { return (unsigned long)BUTTON4_PRESSED; }
static inline unsigned long ctui_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return (unsigned long)BUTTON5_PRESSED;
#else
    return 0;
#endif
}

#endif
