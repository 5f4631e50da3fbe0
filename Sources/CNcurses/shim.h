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
#include <langinfo.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>

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
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) {
        /* setcchar refuses a spacing character after the first (emoji ZWJ
         * sequences, flags): draw the base character alone. */
        wchar_t base[2] = { wch[0], L'\0' };
        if (setcchar(&cc, base, attrs, pair, NULL) != OK) return ERR;
    }
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
/* --accessible (issue 24): the cursor shown on the selected row. */
static inline int ctui_leaveok_off(void) { return leaveok(stdscr, FALSE); }
static inline int ctui_move(int y, int x) { return wmove(stdscr, y, x); }

/* Button events only (xterm mode 1000, and 1006 where terminfo has it):
   no REPORT_MOUSE_POSITION, which asks for every motion (mode 1003). */
static inline int ctui_enable_mouse(void) {
    mmask_t old;
    mmask_t wanted = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    return (int)mousemask(wanted, &old);
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

/* Starts curses on stdin/stdout without initscr's exit-on-failure:
 * returns 0 when the terminal cannot be set up. */
static inline void *ctui_newterm(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return NULL;
    set_term(screen);
    return (void *)screen;
}

/* Whether curses could drive terminal type `term`, without touching the
 * terminal: 1 usable, 0 unknown or generic (`dumb`), -1 no terminfo
 * database. Loads the entry with setupterm and frees it again. term.h is
 * not included (its capability macros would pollute Swift), hence the
 * prototypes. */
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);
static inline int ctui_terminfo_status(const char *term) {
    int err = 0;
    struct term *before = set_curterm(NULL);
    int rc = setupterm(term, 1, &err);
    struct term *loaded = set_curterm(before);
    if (loaded != NULL && loaded != before) del_curterm(loaded);
    return rc == OK ? 1 : (err == 0 ? 0 : -1);
}

/* The `colors` capability of terminal type `term` (for `clustertui
 * doctor`): the number of colours, -1 when the entry has none, -3 when no
 * entry loads. Loads and frees the entry like ctui_terminfo_status. */
static inline int ctui_terminfo_colors(const char *term) {
    int err = 0;
    struct term *before = set_curterm(NULL);
    int rc = setupterm(term, 1, &err);
    int colors = rc == OK ? tigetnum("colors") : -3;
    struct term *loaded = set_curterm(before);
    if (loaded != NULL && loaded != before) del_curterm(loaded);
    return colors < -1 ? (rc == OK ? -1 : -3) : colors;
}

static inline int ctui_key_f0(void) { return KEY_F0; }
static inline int ctui_scrollok_off(void) { return scrollok(stdscr, FALSE); }
static inline int ctui_intrflush_off(void) { return intrflush(stdscr, FALSE); }
static inline int ctui_meta_on(void) { return meta(stdscr, TRUE); }
static inline unsigned long ctui_button1_released(void) { return (unsigned long)BUTTON1_RELEASED; }
static inline unsigned long ctui_button2_any(void) { return (unsigned long)(BUTTON2_CLICKED | BUTTON2_PRESSED); }
static inline unsigned long ctui_button3_any(void) { return (unsigned long)(BUTTON3_CLICKED | BUTTON3_PRESSED); }

/* The kernel's idea of the terminal size on `fd`; 0 on success. */
static inline int ctui_winsize(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

/* Bytes waiting to be read on `fd` (FIONREAD), or -1. */
static inline int ctui_bytes_pending(int fd) {
    int n = 0;
    if (ioctl(fd, FIONREAD, &n) != 0) return -1;
    return n;
}

/* 1 when the current LC_CTYPE codeset is UTF-8 (call after setlocale). */
static inline int ctui_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

/* The C library's column width of one wide character (what curses uses),
 * -1 for non-printable. Declared here: <wchar.h> hides it without
 * _XOPEN_SOURCE. */
extern int wcwidth(wchar_t);
static inline int ctui_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
