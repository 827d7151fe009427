// A small rich-text editor over a contenteditable element. Whatever it sends is sanitised by Core
// on save; the HTML it starts from is what Core stored, already sanitised.
export function init(element, html, dotnet) {
    element.innerHTML = html ?? "";
    let last = element.innerHTML;
    const notify = () => {
        if (element.innerHTML !== last) {
            last = element.innerHTML;
            dotnet.invokeMethodAsync("Changed", last);
        }
    };
    element.addEventListener("input", notify);
    element.addEventListener("blur", notify);
    element.liaisonNotify = notify;
}

export function format(element, command, value) {
    element.focus();
    document.execCommand(command, false, value ?? null);
    element.liaisonNotify?.();
}
