// The helpers every emulator's customer page script starts with (plain browser JS, no build step,
// pasted into the script's function scope, which defines `$`): call the control API, say how it
// went in the status line, build a select option, show the message a message quotes.

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

  /** The line above a bubble naming the message it quotes (found by idOf among the thread's), or null. */
  function quoteLine(messages, quotedId, idOf) {
    if (!quotedId) return null;
    var quoted = messages.find(function (m) { return idOf(m) === quotedId; });
    var line = document.createElement("div");
    line.className = "quote";
    line.textContent = "↪ " + (quoted ? quoted.text || "[tệp đính kèm]" : "[tin nhắn không còn]");
    return line;
  }

  function option(value, label) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    return o;
  }
`;
