"""How running text names the concepts of the lexicon (`chitieu.ingest.codes`).

The lexicon's patterns are written for the names in a target table ("Tỷ lệ xã đạt
chuẩn nông thôn mới"); prose names the same concept otherwise ("xây dựng nông thôn
mới", "tăng cường lực lượng bác sĩ", "giảm nghèo bền vững"). These phrases decide
which targets a task concerns (`chitieu.ingest.task_links`), so each is the
concept's own key phrase, never a word that many concepts share ("xã", "tỷ lệ",
"phát triển", "y tế" alone).

A phrase is "a + b": all parts in one clause, each as whole words (tone marks, case
and punctuation ignored); a part "!c" rules the clause out; a phrase starting with
"^" counts only in the task's heading (for a concept so broad that only a task
about it names it in its title: "nguồn nhân lực chất lượng cao").
"""

from __future__ import annotations

PROSE: dict[str, tuple[str, ...]] = {
    # -- economy ---------------------------------------------------------------
    "kt.co_cau.che_bien_che_tao": ("chế biến, chế tạo",),
    "kt.co_cau": ("cơ cấu kinh tế + chuyển dịch",),
    # A share of the economic structure only where the text speaks of the share.
    "kt.co_cau.nong_nghiep": ("tỷ trọng nông, lâm nghiệp", "tỷ trọng nông nghiệp"),
    "kt.co_cau.cong_nghiep_xay_dung": ("tỷ trọng công nghiệp, xây dựng",),
    "kt.co_cau.dich_vu": ("tỷ trọng dịch vụ", "tỷ trọng thương mại, dịch vụ"),
    "kt.co_cau.thue_san_pham": ("thuế sản phẩm",),
    "kt.chi_so_san_xuat_cong_nghiep": ("chỉ số sản xuất công nghiệp",),
    "kt.grdp.binh_quan_dau_nguoi": ("grdp bình quân đầu người", "tổng sản phẩm + đầu người"),
    "kt.grdp.quy_mo": ("quy mô nền kinh tế", "quy mô grdp", "quy mô kinh tế"),
    "kt.grdp.tang_truong": ("tăng trưởng kinh tế", "tăng trưởng grdp", "tốc độ tăng grdp"),
    "kt.von_dau_tu.tong": (
        "vốn đầu tư toàn xã hội",
        "nguồn lực cho đầu tư phát triển",
        "vốn đầu tư phát triển",
    ),
    "kt.thu_ngan_sach.noi_dia_tru_dat": ("tiền sử dụng đất",),
    "kt.thu_ngan_sach.noi_dia": ("thu nội địa",),
    "kt.thu_ngan_sach.xuat_nhap_khau": ("thuế xuất nhập khẩu", "thuế xuất, nhập khẩu"),
    "kt.thu_ngan_sach.tong": ("thu ngân sách",),
    "kt.tfp": ("tfp", "năng suất nhân tố tổng hợp"),
    "kt.xuat_khau.tang_truong": (
        "kim ngạch xuất khẩu",
        "thị trường xuất khẩu",
        "thị trường xuất, nhập khẩu",
    ),
    "kt.xuat_khau.gia_tri": ("kim ngạch xuất khẩu", "giá trị xuất khẩu"),
    "kt.nang_suat_lao_dong.tang_truong": ("năng suất lao động",),
    "kt.do_thi_hoa": ("đô thị hóa",),
    "kt.xep_hang_chi_so": (
        "năng lực cạnh tranh cấp tỉnh",
        "pci",
        "papi",
        "cải cách hành chính + !cảnh sát + !công an + !cơ quan đảng",
        "môi trường kinh doanh",
        "môi trường đầu tư, kinh doanh",
        "dịch vụ công trực tuyến",
        "hài lòng của người dân + dịch vụ công",
    ),
    "kt.thu_nhap_binh_quan": ("thu nhập bình quân", "thu nhập + đầu người"),
    # -- culture and society ----------------------------------------------------
    "xh.hdi": ("hdi", "phát triển con người"),
    "xh.tuoi_tho.song_khoe": ("sống khỏe", "sống mạnh khỏe", "sức khoẻ + tuổi thọ"),
    "xh.tuoi_tho": ("tuổi thọ",),
    "xh.tang_dan_so_tu_nhien": ("tăng dân số tự nhiên", "mức sinh"),
    "xh.lao_dong_qua_dao_tao.bang_cap": (
        "lao động qua đào tạo",
        "^nguồn nhân lực chất lượng cao",
    ),
    "xh.lao_dong_qua_dao_tao": ("lao động qua đào tạo",),
    "xh.lao_dong_nong_nghiep": ("lao động nông nghiệp",),
    "xh.giao_duc.truong_cong_lap_chuan_quoc_gia": ("trường + công lập + chuẩn quốc gia",),
    "xh.giao_duc.truong_chuan_quoc_gia": (
        "trường + chuẩn quốc gia",
        "cơ sở giáo dục + tiêu chuẩn quốc gia",
    ),
    "xh.giao_duc": (
        "chất lượng giáo dục, đào tạo",
        "chất lượng giáo dục và đào tạo",
        "hệ thống giáo dục",
        "hạ tầng giáo dục",
    ),
    "xh.y_te.xa_chuan_quoc_gia": ("chuẩn quốc gia về y tế",),
    "xh.y_te.bac_sy": ("bác sĩ", "bác sỹ"),
    "xh.y_te.giuong_benh": ("giường bệnh", "bệnh viện", "cơ sở khám chữa bệnh"),
    "xh.y_te.kham_suc_khoe": ("khám sức khỏe",),
    "xh.y_te": ("hệ thống y tế", "hạ tầng y tế", "dịch vụ y tế"),
    "xh.bao_hiem.y_te": ("bảo hiểm y tế",),
    "xh.bao_hiem.xa_hoi": ("bảo hiểm xã hội",),
    "xh.bao_hiem": ("bao phủ bảo hiểm", "hệ thống bảo hiểm"),
    "xh.ho_ngheo.so_ho": ("số hộ nghèo",),
    "xh.ho_ngheo": ("hộ nghèo", "giảm nghèo", "nghèo đa chiều"),
    "xh.that_nghiep.thanh_thi": ("thất nghiệp + thành thị",),
    "xh.that_nghiep.nong_thon": ("thất nghiệp + nông thôn",),
    "xh.that_nghiep": (
        "thất nghiệp",
        "tạo việc làm",
        "giải quyết việc làm",
        "giới thiệu việc làm",
    ),
    "xh.ntm.nang_cao": ("nông thôn mới nâng cao", "ntm nâng cao"),
    "xh.ntm.kieu_mau": ("nông thôn mới kiểu mẫu", "ntm kiểu mẫu"),
    "xh.ntm": ("nông thôn mới",),
    "xh.van_hoa.gia_dinh": ("gia đình văn hóa",),
    "xh.van_hoa.co_quan": ("cơ quan văn hóa", "cơ quan đạt chuẩn văn hóa"),
    "xh.van_hoa.lang": ("làng văn hóa", "khu phố văn hóa", "thôn văn hóa"),
    # -- environment --------------------------------------------------------------
    "mt.nuoc_sach": ("nước sạch", "cấp nước", "cấp, thoát nước"),
    "mt.chat_thai.ran_sinh_hoat": ("chất thải rắn", "bãi rác", "rác thải sinh hoạt"),
    "mt.chat_thai.nguy_hai": ("chất thải nguy hại",),
    "mt.nuoc_thai.khu_cong_nghiep": (
        "nước thải + khu công nghiệp",
        "nước thải + cụm công nghiệp",
    ),
    "mt.nuoc_thai.sinh_hoat": (
        "nước thải sinh hoạt",
        "nước thải + đô thị",
        "nước thải + khu dân cư",
    ),
    "mt.co_so_o_nhiem": (
        "cơ sở gây ô nhiễm",
        "ô nhiễm môi trường nghiêm trọng",
        "ô nhiễm môi trường + nguồn phát thải",
    ),
    "mt.co_so_dat_chuan": ("cơ sở sản xuất + môi trường", "quy chuẩn về môi trường"),
    "mt.chat_thai": ("xử lý chất thải", "xử lý rác thải"),
    # -- the Party ------------------------------------------------------------------
    "xdd.to_chuc_co_so_dang": ("cơ sở đảng", "chất lượng tổ chức đảng"),
    "xdd.ket_nap_dang_vien": ("kết nạp + đảng viên",),
    "xdd.kiem_tra_giam_sat.btvtu": ("ban thường vụ tỉnh ủy + kiểm tra, giám sát",),
    "xdd.kiem_tra_giam_sat.dang_uy_cap_tren": ("cấp trên cơ sở + kiểm tra, giám sát",),
    "xdd.kiem_tra_giam_sat.chi_bo": ("chi bộ cơ sở + kiểm tra, giám sát",),
    "xdd.kiem_tra_giam_sat.dang_uy_co_so": ("đảng ủy cơ sở + kiểm tra, giám sát",),
    "xdd.kiem_tra_giam_sat": ("kiểm tra, giám sát + !thanh tra",),
}
