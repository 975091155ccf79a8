// Focus goes back where it was before a dialog opened. A dialog is opened from a button, or from a menu item whose menu
// has closed by then, so the element to return to is the last one focused outside dialogs and menus.
(() => {
    let last = null;
    let lastLabel = null;
    document.addEventListener("focusin", event => {
        const target = event.target;
        if (!(target instanceof HTMLElement) || target.closest(".mud-dialog-container, .mud-popover")) return;
        last = target;
        lastLabel = target.getAttribute("aria-label");
    });
    // The opener may be disabled while its action runs, or rendered again by a live refresh (then the element with its
    // label stands in for it): focus is tried again for up to a second, until it holds.
    const opener = () => last && !last.isConnected && lastLabel
        ? document.querySelector(`[aria-label="${CSS.escape(lastLabel)}"]`) : last;
    // Tab and Shift+Tab go round a dialog's visible controls only: MudBlazor's focus trap has invisible stops at its
    // edges, which a keyboard user would land on before the server moves focus on.
    const visibleControls = dialog => [...dialog.querySelectorAll("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])")]
        .filter(e => !e.disabled && e.getClientRects().length > 0 && e.offsetWidth > 0 && e.offsetHeight > 0 && getComputedStyle(e).visibility !== "hidden");
    document.addEventListener("keydown", event => {
        if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
        const dialogs = document.querySelectorAll(".mud-dialog");
        const dialog = dialogs[dialogs.length - 1];
        if (!dialog) return;
        const controls = visibleControls(dialog);
        if (controls.length === 0) return;
        const at = controls.indexOf(document.activeElement);
        const next = at < 0 ? 0 : (at + (event.shiftKey ? controls.length - 1 : 1)) % controls.length;
        event.preventDefault();
        controls[next].focus();
    }, true);

    // A data grid's sort buttons are all called "Sort" by MudBlazor: each says which column it sorts and how the column
    // is sorted now, and the header cell carries aria-sort.
    const nameSortButtons = () => {
        for (const button of document.querySelectorAll("th .sort-direction-icon")) {
            const header = button.closest("th");
            const column = header.querySelector(".column-header > span")?.textContent.trim();
            if (!column) continue;
            const order = button.classList.contains("mud-direction-asc") ? "ascending"
                : button.classList.contains("mud-direction-desc") ? "descending" : "none";
            const label = `Sort ${column}${order === "none" ? "" : `, now ${order}`}`;
            if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
            if (header.getAttribute("aria-sort") !== order) header.setAttribute("aria-sort", order);
        }
    };
    new MutationObserver(nameSortButtons).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });

    // Until the circuit is live the page shell is disabled. A link clicked then is kept and clicked again once the page
    // is live: followed at once, its navigation raced the starting circuit and was seen lost in CI (issue 22). Clicked
    // again, Blazor treats it as any click (a page of its router, a full load for others). Only the last link counts, as
    // on a live page; a download leaves the page as it is, so it goes at once.
    let keptHref = null;
    const followKeptLink = new MutationObserver(() => {
        const shell = document.querySelector("fieldset.page-shell:not(:disabled)");
        if (!keptHref || !shell) return;
        followKeptLink.disconnect();
        const href = keptHref;
        keptHref = null;
        const again = [...shell.querySelectorAll("a[href]")].find(a => a.getAttribute("href") === href);
        if (again) again.click(); else location.assign(href);
    });
    document.addEventListener("click", event => {
        const link = event.target instanceof Element ? event.target.closest("fieldset.page-shell:disabled a[href]:not([download])") : null;
        const plainClick = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
        if (!link || !plainClick || event.defaultPrevented || (link.target && link.target !== "_self")) return;
        event.preventDefault();
        event.stopPropagation();
        keptHref = link.getAttribute("href");
        followKeptLink.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"] });
    }, true);

    window.paymentLinks = {
        returnFocus(triesLeft = 20) {
            const target = opener();
            target?.focus?.();
            if (target && document.activeElement !== target && target.isConnected && triesLeft > 0)
                setTimeout(() => window.paymentLinks.returnFocus(triesLeft - 1), 50);
        },
    };
})();
