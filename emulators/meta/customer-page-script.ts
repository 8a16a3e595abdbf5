// The customer page's browser script (plain JS, no build step): polls the thread and calls the control API.
import { PAGE_SCRIPT_HELPERS } from "../shared/page-script-helpers";

export const CUSTOMER_PAGE_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var world = null;
  var params = new URLSearchParams(location.search);
  var state = { pageId: params.get("pageId"), psid: params.get("psid"), lastPageMid: null };
${PAGE_SCRIPT_HELPERS}
  function loadWorld() {
    return api("GET", "/_emulator/world").then(function (w) {
      world = w;
      var pageSelect = $("page");
      pageSelect.replaceChildren.apply(pageSelect, w.pages.map(function (p) { return option(p.id, p.name); }));
      if (!state.pageId || !w.pages.some(function (p) { return p.id === state.pageId; })) state.pageId = w.pages[0].id;
      pageSelect.value = state.pageId;
      fillCustomers();
    });
  }

  function fillCustomers() {
    var customers = world.customers.filter(function (c) { return c.pageId === state.pageId; });
    var select = $("customer");
    select.replaceChildren.apply(select, customers.map(function (c) { return option(c.psid, c.name); }));
    if (!customers.some(function (c) { return c.psid === state.psid; })) state.psid = customers.length ? customers[0].psid : null;
    if (state.psid) select.value = state.psid;
    refresh();
  }

  function render(thread) {
    var customer = world.customers.find(function (c) { return c.psid === state.psid; });
    var page = world.pages.find(function (p) { return p.id === state.pageId; });
    $("who-name").textContent = customer ? customer.name : "";
    $("who-pic").src = customer ? customer.profilePic : "";
    $("who-page").textContent = page ? "Đang nhắn với " + page.name : "";
    var log = $("log");
    var atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.replaceChildren();
    state.lastPageMid = null;
    var messages = thread ? thread.messages : [];
    messages.forEach(function (m) {
      var bubble = document.createElement("div");
      bubble.className = "msg " + m.direction;
      var quote = quoteLine(messages, m.replyToMid, function (x) { return x.mid; });
      if (quote) bubble.appendChild(quote);
      if (m.text) bubble.appendChild(document.createTextNode(m.text));
      m.attachments.forEach(function (a) {
        if (a.type === "image") {
          var img = document.createElement("img");
          img.src = a.url;
          img.alt = a.stickerId ? "Nhãn dán like" : "Ảnh";
          bubble.appendChild(img);
        } else {
          bubble.appendChild(document.createTextNode("[" + a.type + "] " + a.url));
        }
      });
      var reactions = [m.reactions.customer, m.reactions.page].filter(Boolean);
      if (reactions.length) {
        var r = document.createElement("span");
        r.className = "reaction";
        r.textContent = reactions.map(function (x) { return x.emoji; }).join("");
        bubble.appendChild(r);
      }
      log.appendChild(bubble);
      var meta = document.createElement("div");
      meta.className = "meta " + m.direction;
      var time = new Date(m.createdAt).toLocaleString("vi-VN");
      if (m.direction === "out") {
        state.lastPageMid = m.mid;
        meta.textContent = time + " · " + (m.read ? "Đã xem" : m.delivered ? "Đã nhận" : "Đã gửi");
      } else {
        meta.textContent = time;
      }
      log.appendChild(meta);
    });
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function refresh() {
    if (!state.pageId || !state.psid) return render(null);
    var query = "?pageId=" + encodeURIComponent(state.pageId) + "&psid=" + encodeURIComponent(state.psid);
    api("GET", "/_emulator/threads" + query).then(render, function () { render(null); });
  }

  function act(path, body, done) {
    body.pageId = state.pageId;
    body.psid = state.psid;
    return api("POST", path + "?wait=false", body).then(function (result) {
      say(done + (result.delivery ? "" : " (Trang chưa đăng ký webhook cho sự kiện này)"));
      refresh();
    }, fail);
  }

  $("page").addEventListener("change", function (e) { state.pageId = e.target.value; state.psid = null; fillCustomers(); });
  $("customer").addEventListener("change", function (e) { state.psid = e.target.value; refresh(); });
  $("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = $("text").value.trim();
    if (!text || !state.psid) return;
    $("text").value = "";
    act("/_emulator/messages", { text: text }, "Đã gửi tin nhắn.");
  });
  $("send-image").addEventListener("click", function () {
    var url = "/_emulator/media/anh-khach-gui-" + Date.now() + ".svg";
    act("/_emulator/messages", { attachments: [{ type: "image", url: url }] }, "Đã gửi ảnh.");
  });
  $("send-like").addEventListener("click", function () { act("/_emulator/messages", { sticker: "like" }, "Đã gửi like."); });
  $("react-last").addEventListener("click", function () {
    if (!state.lastPageMid) return say("Trang chưa gửi tin nhắn nào.");
    act("/_emulator/reactions", { mid: state.lastPageMid, reaction: "love", action: "react" }, "Đã thả tim.");
  });
  $("mark-read").addEventListener("click", function () { act("/_emulator/reads", {}, "Đã đánh dấu đã xem."); });
  $("create-customer").addEventListener("click", function () {
    var body = { pageId: state.pageId, lastName: $("new-last").value.trim(), firstName: $("new-first").value.trim() };
    api("POST", "/_emulator/customers", body).then(function (c) {
      state.psid = c.psid;
      say("Đã tạo khách hàng " + c.name + ". Hãy gửi tin nhắn đầu tiên.");
      return loadWorld();
    }).catch(fail);
  });

  loadWorld().catch(fail);
  setInterval(refresh, 1000);
})();
`;
