// A form marked data-busy="<id>" shows that status element ("Đang xử lý…") while it is sent.
document.querySelectorAll("form[data-busy]").forEach(function (form) {
  form.addEventListener("submit", function () {
    var status = document.getElementById(form.dataset.busy);
    if (status) { status.hidden = false; }
    form.setAttribute("aria-busy", "true");
    // Disabled after the browser has collected the form data, so the clicked button still counts.
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });
});

// The progress of a confirmed import: poll its status every second; reload the page once it ends.
(function () {
  var box = document.getElementById("import-progress");
  if (!box) { return; }
  var bar = document.getElementById("import-bar");
  var message = document.getElementById("import-message");
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (job.finished) { window.location.reload(); return; }
        if (job.total > 0) {
          bar.max = job.total;
          bar.value = job.done;
          message.textContent = job.message + " " + job.done + "/" + job.total + " dòng";
        } else {
          message.textContent = job.message;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  window.setTimeout(poll, 1000);
})();
