#!/usr/bin/env python3
"""Watches the X display for workbench-start.sh: when a top-level window whose name matches NAME is mapped, when
its pixels stop being black (less than BLACK of a 39x39 grid of samples is pure black), and when its name matches
CASE. Polls every 20 ms through libX11 (ctypes; no other module), so it adds no screenshot latency. Prints
"ready" once the display is open, then reads T0 (nanoseconds, as date +%s%N: when the caller started what it
times) from stdin, and prints "mapped=MS painted=MS case=MS" in milliseconds since T0, -1 for what did not happen
within TIMEOUT seconds.

    xwatch.py NAME_REGEX CASE_REGEX TIMEOUT [BLACK]
"""
import ctypes
import re
import sys
import time

x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                         ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                         ctypes.POINTER(ctypes.c_uint)]
x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
x.XFree.argtypes = [ctypes.c_void_p]
x.XGetImage.restype = ctypes.c_void_p
x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                        ctypes.c_ulong, ctypes.c_int]
x.XGetPixel.restype = ctypes.c_ulong
x.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
x.XDestroyImage.argtypes = [ctypes.c_void_p]
x.XSetErrorHandler.argtypes = [ctypes.c_void_p]


class Attributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(Attributes)]
# a window that goes away between two calls must not end the watch
ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
x.XSetErrorHandler(ERROR_HANDLER)
IS_VIEWABLE = 2


def name_of(d, w):
    p = ctypes.c_char_p()
    if not x.XFetchName(d, w, ctypes.byref(p)) or not p.value:
        return None
    s = p.value.decode("utf-8", "replace")
    x.XFree(p)
    return s


def find(d, pattern):
    root_ret, parent, children, n = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not x.XQueryTree(d, x.XDefaultRootWindow(d), ctypes.byref(root_ret), ctypes.byref(parent),
                        ctypes.byref(children), ctypes.byref(n)):
        return None
    found = None
    for i in range(n.value):
        w = children[i]
        a = Attributes()
        if x.XGetWindowAttributes(d, w, ctypes.byref(a)) and a.map_state == IS_VIEWABLE:
            name = name_of(d, w)
            if name is not None and pattern.search(name):
                found = w
                break
    if n.value:
        x.XFree(children)
    return found


def black(d, w):
    a = Attributes()
    if not x.XGetWindowAttributes(d, w, ctypes.byref(a)) or a.width < 2 or a.height < 2:
        return 1.0
    img = x.XGetImage(d, w, 0, 0, a.width, a.height, 0xFFFFFFFF, 2)  # ZPixmap
    if not img:
        return 1.0
    n = b = 0
    for i in range(1, 40):
        for j in range(1, 40):
            n += 1
            if x.XGetPixel(img, a.width * i // 40, a.height * j // 40) & 0xFFFFFF == 0:
                b += 1
    x.XDestroyImage(img)
    return b / n


def main():
    name, case, timeout = re.compile(sys.argv[1]), re.compile(sys.argv[2]), float(sys.argv[3])
    limit = float(sys.argv[4]) if len(sys.argv) > 4 else 0.2
    d = x.XOpenDisplay(None)
    if not d:
        sys.exit("xwatch: cannot open the display")
    print("ready", flush=True)
    t0 = int(sys.stdin.readline())
    since = lambda: (time.time_ns() - t0) // 1_000_000
    end = time.time() + timeout
    mapped = painted = cased = -1
    w = None
    while time.time() < end and cased < 0:
        if w is None:
            w = find(d, name)
            if w is not None:
                mapped = since()
        if w is not None:
            if painted < 0 and black(d, w) < limit:
                painted = since()
            if painted >= 0 and case.search(name_of(d, w) or ""):
                cased = since()
        time.sleep(0.02)
    print("mapped=%d painted=%d case=%d" % (mapped, painted, cased), flush=True)


main()
