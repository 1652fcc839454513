// Progressive enhancement of the complaint form: a button that fills latitude and longitude from the
// phone's position. Without JavaScript (or without permission) the fields are typed by hand.
(function () {
  var button = document.getElementById("ambil-lokasi");
  if (!button || !("geolocation" in navigator)) return;
  var status = document.getElementById("lokasi-status");
  button.parentNode.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "Mencari lokasi…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        document.getElementById("id_latitude").value = position.coords.latitude.toFixed(6);
        document.getElementById("id_longitude").value = position.coords.longitude.toFixed(6);
        status.textContent = "Lokasi terisi.";
      },
      function () {
        status.textContent = "Lokasi tidak bisa diambil; isi dengan tangan atau kosongkan.";
      },
      { enableHighAccuracy: true, timeout: 15000 }
    );
  });
})();
