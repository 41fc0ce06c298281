package com.example.smsconsole.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Screenshots of a view at the two sizes the console is checked at, 1400×900 and 1024×768, under
 * {@code target/screenshots/}; at each size the page must not be wider than the window (nothing
 * pushed off to the right), no grid scrolls sideways, no badge, field label or grid cell is cut.
 */
public final class Screens {

    private static final int[][] SIZES = {{1400, 900}, {1024, 768}};

    private Screens() {
    }

    /**
     * The labels of visible fields whose text does not fit: Vaadin cuts a label with an ellipsis at its
     * field's width, so a label longer than the field loses its end.
     */
    public static List<String> cutLabels(Page page) {
        return strings(page.evaluate("() => Array.from(document.querySelectorAll('[slot=label]'))"
                + ".filter(l => l.offsetParent !== null && l.textContent.trim() !== '')"
                + ".filter(l => { const host = l.parentElement; const part = host && host.shadowRoot && host.shadowRoot.querySelector('[part~=label]');"
                + " const box = part ? part.getBoundingClientRect() : null;"
                + " return l.scrollWidth > l.clientWidth + 1 || (box && box.width > 0 && l.getBoundingClientRect().right > box.right + 1); })"
                + ".map(l => l.textContent.trim() + ' (' + l.scrollWidth + ' > ' + l.clientWidth + ')')"));
    }

    /**
     * The visible grid cells, headers included, whose content is wider than the cell. A column may cut
     * its text only when it says so with the part name {@code clipped} and shows the whole value in a
     * tooltip (and in the row's details).
     */
    public static List<String> cutCells(Page page) {
        return strings(page.evaluate("() => Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
                + ".filter(c => c.offsetParent !== null && c.textContent.trim() !== '' && c.getClientRects().length > 0)"
                + ".filter(c => { const cell = c.assignedSlot && c.assignedSlot.parentElement;"
                + " if (!cell || cell.hidden || (cell.getAttribute('part') || '').split(/\\s+/).includes('clipped')) return false;"
                + " const r = c.getBoundingClientRect(); if (r.width === 0) return false;"
                + " const over = Array.from(c.querySelectorAll('*')).some(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > r.right + 1);"
                + " return c.scrollWidth > c.clientWidth + 1 || over; })"
                + ".map(c => c.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60) + ' (' + c.scrollWidth + ' > ' + c.clientWidth + ')')"));
    }

    private static List<String> problems(Page page, String at) {
        List<String> problems = new java.util.ArrayList<>();
        int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        if (overflow > 0) {
            problems.add(at + " is wider than the window by " + overflow + " px");
        }
        // a grid whose columns do not fit scrolls sideways: its last columns are cut off for the eye
        List<String> cutGrids = strings(page.evaluate("() => Array.from(document.querySelectorAll('vaadin-grid')).filter(g => g.offsetParent !== null"
                + " && g.shadowRoot && g.shadowRoot.querySelector('#table')).filter(g => { const t = g.shadowRoot.querySelector('#table');"
                + " return t.scrollWidth > t.clientWidth + 1; }).map(g => (g.className || 'grid') + ' (' + g.shadowRoot.querySelector('#table').scrollWidth + ' > '"
                + " + g.shadowRoot.querySelector('#table').clientWidth + ')')"));
        List<String> badges = strings(page.evaluate("() => Array.from(document.querySelectorAll('vaadin-grid-cell-content .badge'))"
                + ".filter(b => b.offsetParent !== null).filter(b => { const c = b.closest('vaadin-grid-cell-content');"
                + " return b.getBoundingClientRect().right > c.getBoundingClientRect().right + 1 || c.scrollWidth > c.clientWidth + 1; })"
                + ".map(b => b.textContent)"));
        cutGrids.forEach(g -> problems.add(at + " has a grid wider than its box: " + g));
        badges.forEach(b -> problems.add(at + " has a badge cut by its column: " + b));
        cutLabels(page).forEach(l -> problems.add(at + " has a field label cut off: " + l));
        cutCells(page).forEach(c -> problems.add(at + " has a grid cell cut off: " + c));
        return problems;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    public static void atBothSizes(Page page, String name) {
        for (int[] size : SIZES) {
            page.setViewportSize(size[0], size[1]);
            page.waitForTimeout(400);
            // the view refits its grids to the new width after a server round trip: wait until the layout has settled
            // (at most 10 s), then report what is still wrong
            String at = name + " at " + size[0] + "x" + size[1];
            List<String> problems = problems(page, at);
            for (int i = 0; i < 25 && !problems.isEmpty(); i++) {
                page.waitForTimeout(400);
                problems = problems(page, at);
            }
            assertThat(problems).as(at).isEmpty();
            Chromium.screenshot(page, name + "-" + size[0] + "x" + size[1]);
            // the app layout scrolls its content inside the window: a second picture with a window tall enough for all of it
            Object content = page.evaluate("() => { const l = document.querySelector('vaadin-app-layout');"
                    + " const v = l && l.querySelector(':scope > :not([slot])');"
                    + " return v ? v.getBoundingClientRect().top + l.scrollTop + v.scrollHeight : document.documentElement.scrollHeight; }");
            int height = ((Number) content).intValue();
            if (height > size[1] + 8) {
                page.setViewportSize(size[0], Math.min(height + 8, 6000));
                page.evaluate("() => { window.scrollTo(0, 0); const l = document.querySelector('vaadin-app-layout');"
                        + " const all = [...document.querySelectorAll('*'), ...(l && l.shadowRoot ? l.shadowRoot.querySelectorAll('*') : [])];"
                        + " all.forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; }); }");
                page.waitForTimeout(300);
                Chromium.screenshot(page, name + "-" + size[0] + "x" + size[1] + "-whole");
            }
        }
        page.setViewportSize(SIZES[0][0], SIZES[0][1]);
    }
}
