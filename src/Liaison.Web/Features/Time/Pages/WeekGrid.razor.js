// Keyboard help for the week grid: Alt+Left/Right change week (instead of the browser's back and
// forward), and a cell's text is selected when it gets focus so typing replaces it.
export function listen(grid) {
    const keys = e => {
        if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
            e.preventDefault();
            grid.invokeMethodAsync('ShiftWeekAsync', e.key === 'ArrowLeft' ? -1 : 1);
        }
    };
    const focus = e => {
        if (e.target instanceof HTMLInputElement && e.target.classList.contains('week-cell')) {
            e.target.select();
        }
    };
    document.addEventListener('keydown', keys);
    document.addEventListener('focusin', focus);
    return {
        dispose: () => {
            document.removeEventListener('keydown', keys);
            document.removeEventListener('focusin', focus);
        },
    };
}

export function focus(id) {
    const element = document.getElementById(id);
    if (element) {
        element.focus();
    }
}
