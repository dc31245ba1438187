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
