// The customer page's browser script (plain JS, no build step): polls the conversation and calls the control API.
import { PAGE_SCRIPT_HELPERS } from "../shared/page-script-helpers";

export const CUSTOMER_PAGE_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var world = null;
  var params = new URLSearchParams(location.search);
  var state = { oaId: params.get("oaId"), userId: params.get("userId") };
${PAGE_SCRIPT_HELPERS}
  function currentOa() { return world && world.oas.find(function (o) { return o.id === state.oaId; }); }
  function currentUser() {
    var oa = currentOa();
    return oa && oa.users.find(function (u) { return u.userId === state.userId; });
  }

  function loadWorld() {
    return api("GET", "/_emulator/world").then(function (w) {
      world = w;
      var oaSelect = $("oa");
      oaSelect.replaceChildren.apply(oaSelect, w.oas.map(function (o) { return option(o.id, o.name); }));
      if (!currentOa()) state.oaId = w.oas[0].id;
      oaSelect.value = state.oaId;
      fillUsers();
    });
  }

  function fillUsers() {
    var users = currentOa().users;
    var select = $("user");
    select.replaceChildren.apply(select, users.map(function (u) { return option(u.userId, u.name); }));
    if (!currentUser()) state.userId = users.length ? users[0].userId : null;
    if (state.userId) select.value = state.userId;
    refresh();
  }

  var STATUS = { none: "Đã gửi", received: "Đã nhận", seen: "Đã xem" };

  function render(conversation) {
    var user = conversation ? conversation.user : null;
    var oa = currentOa();
    $("who-name").textContent = user ? user.name : "";
    $("who-pic").src = user ? user.avatar : "";
    $("who-oa").textContent = oa ? "Đang nhắn với " + oa.name : "";
    $("toggle-follow").textContent = user && user.following ? "Bỏ quan tâm" : "Quan tâm";
    var log = $("log");
    var atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.replaceChildren();
    var messages = conversation ? conversation.messages : [];
    messages.forEach(function (m) {
      var bubble = document.createElement("div");
      bubble.className = "msg " + m.from;
      var quote = quoteLine(messages, m.quoteMsgId, function (x) { return x.msgId; });
      if (quote) bubble.appendChild(quote);
      if (m.text) bubble.appendChild(document.createTextNode(m.text));
      m.attachments.forEach(function (a) {
        var p = a.payload;
        if (p.url && (a.type === "image" || a.type === "gif" || a.type === "sticker")) {
          var img = document.createElement("img");
          img.src = p.url;
          img.alt = a.type === "sticker" ? "Nhãn dán" : "Ảnh";
          bubble.appendChild(img);
        } else if (a.type === "location") {
          bubble.appendChild(document.createTextNode("📍 " + p.coordinates.latitude + ", " + p.coordinates.longitude));
        } else {
          bubble.appendChild(document.createTextNode("[" + a.type + "] " + (p.name || p.url || "")));
        }
      });
      log.appendChild(bubble);
      var meta = document.createElement("div");
      meta.className = "meta " + m.from;
      var time = new Date(m.time).toLocaleString("vi-VN");
      if (m.from === "oa") {
        var status = m.seenAt ? STATUS.seen : m.receivedAt ? STATUS.received : STATUS.none;
        meta.textContent = time + " · " + status + (m.via === "oa_chat" ? " · từ OA Chat" : "") + (m.quotaPaid ? " · tính phí" : "");
      } else {
        meta.textContent = time;
      }
      log.appendChild(meta);
    });
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  /** The page is the user's phone: an OA message it shows has been received (user_received_message). */
  function acknowledge(conversation) {
    var unreceived = conversation.messages.some(function (m) { return m.from === "oa" && !m.receivedAt; });
    if (!unreceived) return;
    var body = { oaId: state.oaId, userId: state.userId };
    api("POST", "/_emulator/receipts/received?wait=false", body).catch(fail);
  }

  function refresh() {
    if (!state.oaId || !state.userId) return render(null);
    var query = "?oaId=" + encodeURIComponent(state.oaId) + "&userId=" + encodeURIComponent(state.userId);
    api("GET", "/_emulator/conversation" + query).then(function (conversation) {
      render(conversation);
      acknowledge(conversation);
    }, function () { render(null); });
  }

  function act(path, body, done) {
    if (!state.userId) return say("Hãy chọn hoặc tạo một người dùng Zalo.");
    body.oaId = state.oaId;
    body.userId = state.userId;
    return api("POST", path + "?wait=false", body).then(function () {
      say(done);
      return loadWorld();
    }, fail);
  }

  $("oa").addEventListener("change", function (e) { state.oaId = e.target.value; state.userId = null; fillUsers(); });
  $("user").addEventListener("change", function (e) { state.userId = e.target.value; refresh(); });
  $("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = $("text").value.trim();
    if (!text) return;
    $("text").value = "";
    act("/_emulator/messages", { text: text }, "Đã gửi tin nhắn.");
  });
  $("send-image").addEventListener("click", function () {
    act("/_emulator/messages", { attachment: { type: "image", url: "/_emulator/zalo/media/anh-khach-gui-" + Date.now() + ".svg" } }, "Đã gửi ảnh.");
  });
  $("send-sticker").addEventListener("click", function () {
    act("/_emulator/messages", { attachment: { type: "sticker" } }, "Đã gửi nhãn dán.");
  });
  $("send-location").addEventListener("click", function () {
    act("/_emulator/messages", { attachment: { type: "location", latitude: 10.7769, longitude: 106.7009 } }, "Đã gửi vị trí.");
  });
  $("mark-seen").addEventListener("click", function () { act("/_emulator/receipts/seen", {}, "Đã đánh dấu đã xem."); });
  $("toggle-follow").addEventListener("click", function () {
    var user = currentUser();
    act("/_emulator/follows", { following: !(user && user.following) }, user && user.following ? "Đã bỏ quan tâm OA." : "Đã quan tâm OA.");
  });
  $("oa-chat").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = $("oa-chat-text").value.trim();
    if (!text) return;
    $("oa-chat-text").value = "";
    act("/_emulator/oa-chat", { text: text }, "OA đã trả lời từ Zalo OA Chat.");
  });
  $("create-user").addEventListener("click", function () {
    var body = { oaId: state.oaId, name: $("new-name").value.trim(), follow: true };
    api("POST", "/_emulator/users?wait=false", body).then(function (result) {
      state.userId = result.user.userId;
      say("Đã tạo " + result.user.name + ". Hãy gửi tin nhắn đầu tiên.");
      return loadWorld();
    }).catch(fail);
  });

  loadWorld().catch(fail);
  setInterval(refresh, 1000);
})();
`;
