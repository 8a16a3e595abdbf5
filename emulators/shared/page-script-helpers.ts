// The helpers every emulator's customer page script starts with (plain browser JS, no build step,
// pasted into the script's function scope, which defines `$`): call the control API, say how it
// went in the status line, build a select option.

export const PAGE_SCRIPT_HELPERS = `
  function api(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error((json.error && json.error.message) || res.statusText);
        return json;
      });
    });
  }

  function say(text) { $("status").textContent = text; }
  function fail(error) { say("Lỗi: " + error.message); }

  function option(value, label) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    return o;
  }
`;
