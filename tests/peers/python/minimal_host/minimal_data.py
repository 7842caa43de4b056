"""The minimal host's data set: a few units of tỉnh Đồng Tháp around the former huyện Tháp Mười
(dissolved 30/6/2025, with successors), a handful of officers, and three documents, one of them the
letter printed "Số: /UBND-NV" (no number). Deliberately unlike the sample host's data, so the kit
is seen to assume nothing about a host's content. Names are illustrative."""

REFORM = (2025, 7, 1)
LAST_DISTRICT_DAY = (2025, 6, 30)
DISTRICT_END = "Luật Tổ chức chính quyền địa phương 72/2025/QH15"

# id, parent, type, level, full name, short name, valid_from, valid_to, other names
UNITS = [
  ("dt-ubnd-tinh", "", "PROVINCIAL_PEOPLES_COMMITTEE", "PROVINCE", "Ủy ban nhân dân tỉnh Đồng Tháp", "UBND tỉnh Đồng Tháp", None, None, ["UBND tỉnh"]),
  ("dt-so-noi-vu", "dt-ubnd-tinh", "PROVINCIAL_DEPARTMENT", "PROVINCE", "Sở Nội vụ tỉnh Đồng Tháp", "Sở Nội vụ", None, None, []),
  ("dt-so-tai-chinh", "dt-ubnd-tinh", "PROVINCIAL_DEPARTMENT", "PROVINCE", "Sở Tài chính tỉnh Đồng Tháp", "Sở Tài chính", None, None, []),
  ("dt-xa-thap-muoi", "dt-ubnd-tinh", "COMMUNE_PEOPLES_COMMITTEE", "COMMUNE", "Ủy ban nhân dân xã Tháp Mười", "UBND xã Tháp Mười", REFORM, None, []),
  ("dt-xa-thap-muoi-vhxh", "dt-xa-thap-muoi", "COMMUNE_DIVISION", "COMMUNE", "Phòng Văn hóa - Xã hội xã Tháp Mười", "Phòng Văn hóa - Xã hội", REFORM, None, []),
  ("dt-xa-my-quy", "dt-ubnd-tinh", "COMMUNE_PEOPLES_COMMITTEE", "COMMUNE", "Ủy ban nhân dân xã Mỹ Quí", "UBND xã Mỹ Quí", REFORM, None, []),
  ("dt-ap-my-thanh", "dt-xa-my-quy", "VILLAGE", "VILLAGE", "Ấp Mỹ Thạnh, xã Mỹ Quí", "Ấp Mỹ Thạnh", REFORM, None, []),
  ("dt-huyen-thap-muoi", "dt-ubnd-tinh", "DISTRICT_PEOPLES_COMMITTEE", "DISTRICT", "Ủy ban nhân dân huyện Tháp Mười", "UBND huyện Tháp Mười", None, LAST_DISTRICT_DAY, []),
  ("dt-pnv-thap-muoi", "dt-huyen-thap-muoi", "DISTRICT_DIVISION", "DISTRICT", "Phòng Nội vụ huyện Tháp Mười", "Phòng Nội vụ huyện", None, LAST_DISTRICT_DAY, []),
  ("dt-cong-an-tinh", "dt-ubnd-tinh", "OTHER", "PROVINCE", "Công an tỉnh Đồng Tháp", "Công an tỉnh", None, None, []),
]
TYPE_LABELS = {"dt-cong-an-tinh": "Cơ quan ngành dọc"}

# from, to, kind
SUCCESSIONS = [
  ("dt-huyen-thap-muoi", "dt-xa-thap-muoi", "SPLIT"),
  ("dt-huyen-thap-muoi", "dt-xa-my-quy", "SPLIT"),
  ("dt-pnv-thap-muoi", "dt-xa-thap-muoi", "TRANSFERRED"),
]

# id, full name, username, position, primary unit, active, [(role, unit)]
USERS = [
  ("dt-u-1", "Trần Thị Kim Ngân", "ngantk", "Chuyên viên Sở Nội vụ", "dt-so-noi-vu", True, [("HOME_AFFAIRS_APPRAISER", "dt-so-noi-vu")]),
  ("dt-u-2", "Lê Hoàng Phúc", "phuclh", "Công chức Văn hóa - Xã hội", "dt-xa-thap-muoi-vhxh", True, [("COMMUNE_OFFICER", "dt-xa-thap-muoi")]),
  ("dt-u-3", "Nguyễn Văn Đức", "ducnv", "Chủ tịch UBND xã", "dt-xa-thap-muoi", True, [("UNIT_LEADER", "dt-xa-thap-muoi")]),
  ("dt-u-4", "Đặng Thị Yến", "yendt", "Công chức", "dt-xa-my-quy", True, [("COMMUNE_OFFICER", "dt-xa-my-quy"), ("CLERK", "dt-xa-my-quy")]),
  ("dt-u-5", "Võ Minh Tâm", "tamvm", "Trưởng phòng Nội vụ huyện", "dt-pnv-thap-muoi", False, [("AGENCY_OFFICER", "dt-pnv-thap-muoi")]),
  ("dt-u-6", "Phạm Quốc Bảo", "baopq", "Quản trị hệ thống", "dt-ubnd-tinh", True, [("PROVINCIAL_ADMIN", "dt-ubnd-tinh")]),
]

LETTER_TEXT = """**1.** Tiếp tục triển khai, quán triệt các nội dung Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ đến toàn thể cán bộ, công chức, viên chức tại cơ quan, đơn vị.

**4.** Hàng năm, các cơ quan, đơn vị gửi báo cáo về Ủy ban nhân dân huyện (qua Phòng Nội vụ huyện) **trước ngày 20 tháng 10** để tổng hợp, báo cáo theo quy định.
"""

# Documents: dicts of Document fields (enums by name), plus "files": [(name, media type, size)].
DOCUMENTS = [
  dict(id="dt-vb-1", direction="INCOMING", status="ACTIVE", issuer_org_unit_id="dt-huyen-thap-muoi",
       issuer_name="ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI", number="", notation="UBND-NV", code_as_printed="/UBND-NV",
       kind="OFFICIAL_LETTER", kind_name="CÔNG VĂN", issue_date=None, place="Tháp Mười",
       subject="V/v tiếp tục triển khai thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ",
       signer=("Đoàn Thanh Bình", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), full_text=LETTER_TEXT, text_format="MARKDOWN",
       addressees=["Ủy ban nhân dân các xã, thị trấn"], recipients=[("Như trên", "AS_ABOVE"), ("Lưu: VT, NCVN", "ARCHIVE")],
       received_by=["dt-pnv-thap-muoi"], files=[("cong-van-thap-muoi.pdf", "application/pdf", 150_000)], created="2023-11-20T02:00:00Z"),
  dict(id="dt-vb-2", direction="OUTGOING", status="ACTIVE", issuer_org_unit_id="dt-so-noi-vu",
       issuer_name="SỞ NỘI VỤ", number="318", notation="SNV-XDCQ", code_as_printed="318/SNV-XDCQ",
       kind="OFFICIAL_LETTER", kind_name="CÔNG VĂN", issue_date=(2026, 10, 5), place="Đồng Tháp",
       subject="V/v báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2026",
       signer=("Trần Thị Kim Ngân", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"), full_text="Đề nghị các đơn vị gửi báo cáo trước ngày 15 tháng 11 năm 2026.",
       text_format="PLAIN", addressees=["UBND các xã, phường"], recipients=[("Như trên", "AS_ABOVE")],
       received_by=["dt-xa-thap-muoi", "dt-xa-my-quy"], files=[("318-SNV-XDCQ.pdf", "application/pdf", 9_000)], created="2026-10-05T02:00:00Z"),
  dict(id="dt-vb-3", direction="OUTGOING", status="REVOKED", issuer_org_unit_id="dt-so-noi-vu",
       issuer_name="SỞ NỘI VỤ", number="250", notation="SNV-XDCQ", code_as_printed="250/SNV-XDCQ",
       kind="NOTICE", kind_name="THÔNG BÁO", issue_date=(2026, 8, 12), place="Đồng Tháp",
       subject="Thông báo lịch thẩm định kết quả tự đánh giá (đã thu hồi)", signer=None, full_text="", text_format="PLAIN",
       addressees=[], recipients=[], received_by=[], files=[], created="2026-08-12T02:00:00Z"),
]
