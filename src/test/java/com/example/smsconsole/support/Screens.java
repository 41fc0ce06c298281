package com.example.smsconsole.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;

/**
 * Screenshots of a view at the two sizes the console is checked at, 1400×900 and 1024×768, under
 * {@code target/screenshots/}; at each size the page must not be wider than the window (nothing
 * pushed off to the right).
 */
public final class Screens {

    private static final int[][] SIZES = {{1400, 900}, {1024, 768}};

    private Screens() {
    }

    public static void atBothSizes(Page page, String name) {
        for (int[] size : SIZES) {
            page.setViewportSize(size[0], size[1]);
            page.waitForTimeout(400);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("%s at %dx%d is wider than the window", name, size[0], size[1]).isLessThanOrEqualTo(0);
            // a grid whose columns do not fit scrolls sideways: its last columns are cut off for the eye
            Object cutGrids = page.evaluate("() => Array.from(document.querySelectorAll('vaadin-grid')).filter(g => g.offsetParent !== null"
                    + " && g.shadowRoot && g.shadowRoot.querySelector('#table')).filter(g => { const t = g.shadowRoot.querySelector('#table');"
                    + " return t.scrollWidth > t.clientWidth + 1; }).map(g => (g.className || 'grid') + ' (' + g.shadowRoot.querySelector('#table').scrollWidth + ' > '"
                    + " + g.shadowRoot.querySelector('#table').clientWidth + ')')");
            Object clipped = page.evaluate("() => Array.from(document.querySelectorAll('vaadin-grid-cell-content .badge'))"
                    + ".filter(b => b.offsetParent !== null).filter(b => { const c = b.closest('vaadin-grid-cell-content');"
                    + " return b.getBoundingClientRect().right > c.getBoundingClientRect().right + 1 || c.scrollWidth > c.clientWidth + 1; })"
                    + ".map(b => b.textContent)");
            assertThat((java.util.List<?>) clipped).as("%s at %dx%d has badges cut by their column", name, size[0], size[1]).isEmpty();
            assertThat((java.util.List<?>) cutGrids).as("%s at %dx%d has grids wider than their box", name, size[0], size[1]).isEmpty();
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
