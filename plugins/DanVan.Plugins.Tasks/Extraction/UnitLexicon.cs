namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>The words that start, continue and end unit names in Vietnamese administrative text.</summary>
internal static class UnitLexicon
{
    /// <summary>Heads that are unambiguous on their own (multi-word or abbreviations).</summary>
    public static readonly Keyword[] StrongHeads = Keyword.Many(
        "Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc",
        "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "UBMTTQVN", "UBMTTQ", "MTTQVN", "MTTQ", "Tỉnh ủy", "Huyện ủy", "Thành ủy",
        "Thị ủy", "Quận ủy", "Đảng ủy", "Thường trực", "Văn phòng", "Cổng thông tin điện tử", "Ban Thường vụ", "Ban Chấp hành",
        "Chính phủ", "Thủ tướng Chính phủ", "Trung tâm", "Chi cục", "Thanh tra", "Công an", "Kho bạc", "Bảo hiểm xã hội",
        "Liên đoàn Lao động", "Tòa án nhân dân", "Viện kiểm sát nhân dân", "Bộ Chỉ huy Quân sự", "Bộ đội Biên phòng", "Ban Chỉ đạo");

    /// <summary>Heads that name a unit only when followed by a capitalised word ("Sở Nội vụ", not "Ban hành").</summary>
    public static readonly Keyword[] ProperHeads = Keyword.Many(
        "Sở", "Bộ", "Ban", "Phòng", "Cục", "Hội", "Đoàn", "Báo", "Đài", "Ủy ban", "Khối", "VP", "Đảng bộ", "Chi bộ", "Tổ dân phố",
        "Khu phố", "Thôn", "Ấp", "Bản", "Tổ", "Vụ");

    /// <summary>Heads that are lower case in running text ("chính quyền các cấp", "cấp ủy").</summary>
    public static readonly Keyword[] CommonHeads = Keyword.Many("chính quyền", "cấp ủy", "các cấp ủy đảng", "cấp ủy đảng");

    /// <summary>After "các": the nouns that make it a collective unit mention.</summary>
    public static readonly Keyword[] GroupNouns = Keyword.Many(
        "sở", "ban", "ngành", "cơ quan", "đơn vị", "tổ chức", "cấp ủy", "địa phương", "phòng", "đoàn thể", "đảng bộ", "chi bộ",
        "xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "doanh nghiệp", "trường", "hội", "ủy ban", "UBND", "đảng ủy",
        "đ / c", "đồng chí", "tổ dân phố", "thôn", "ấp", "bộ", "ngành", "Ủy viên", "cán bộ");

    /// <summary>Level and collective nouns that continue a name after "," or "và" ("các huyện, thị xã, thành phố").</summary>
    public static readonly Keyword[] LevelNouns = Keyword.Many(
        "tỉnh", "huyện", "xã", "phường", "thị trấn", "thị xã", "thành phố", "quận", "đặc khu", "trung ương", "cấp", "các cấp",
        "ban", "ngành", "đơn vị", "đoàn thể", "chi bộ", "cơ quan", "ban ngành", "thôn", "tổ dân phố", "ấp", "Việt Nam", "cơ sở");

    /// <summary>Role words before a unit: the unit is what follows ("Chủ tịch UBND các xã").</summary>
    public static readonly Keyword[] RolePrefixes = Keyword.Many(
        "Thủ trưởng", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Người đứng đầu", "lãnh đạo", "Lãnh đạo", "Trưởng", "Bí thư", "Chánh");

    /// <summary>Words inside a collective mention that lead into the unit it belongs to ("… thuộc UBND huyện").</summary>
    public static readonly Keyword[] Linkers = Keyword.Many("thuộc", "trực thuộc", "từ", "đến", "tới");

    /// <summary>Words that end a mention: verbs and the prepositions of the surrounding clause.</summary>
    public static readonly Keyword[] Stops = Keyword.Many(
        "chủ trì", "phối hợp", "tập trung", "triển khai", "thực hiện", "tổ chức thực hiện", "tiếp tục", "tích cực", "thường xuyên",
        "chủ động", "khẩn trương", "nghiêm túc", "phân công", "căn cứ", "xây dựng", "tăng cường", "hướng dẫn", "tham mưu",
        "theo dõi", "chịu trách nhiệm", "có trách nhiệm", "chỉ đạo", "đôn đốc", "kiểm tra", "rà soát", "phổ biến", "quán triệt",
        "tuyên truyền", "đẩy mạnh", "nâng cao", "đổi mới", "đảm bảo", "bảo đảm", "phải", "cần", "được", "là", "đã", "sẽ", "gửi",
        "báo cáo", "nộp", "trình", "lập", "đánh giá", "tự đánh giá", "ký kết", "kết quả", "trước", "để", "theo", "định kỳ",
        "tổng hợp", "trong", "chậm nhất", "về", "với", "tạo điều kiện", "tham gia", "giám sát", "quan tâm", "cụ thể", "hằng năm",
        "hàng năm", "nhằm", "ban hành", "qua", "tại", "trên", "của", "yêu cầu", "đề nghị", "giao", "căn cứ vào", "làm đầu mối",
        "cùng", "và", "hoặc", "khi", "nếu", "sau", "thì", "mà", "vào", "cho", "gắn", "gắn với", "đồng thời", "nghiên cứu", "xem xét",
        "phát huy", "vận động", "ủng hộ", "hỗ trợ", "rút kinh nghiệm", "thi đua", "hoàn thành", "hoàn thiện", "chấp hành",
        "tổ chức", "thông báo", "chuẩn bị", "tự", "cập nhật", "duy trì", "bố trí", "củng cố", "kiện toàn", "đề xuất", "tiếp nhận",
        "giải quyết", "xử lý", "phát động", "tổng kết", "sơ kết", "tuần tra", "chấm điểm", "lựa chọn", "thống kê", "cung cấp",
        "công khai", "niêm yết", "lấy ý kiến", "góp ý", "quản lý", "trực tiếp", "tiếp dân", "tiếp công dân", "đối thoại", "ghi nhận",
        "bổ sung", "điều chỉnh", "sửa đổi", "biên soạn", "in ấn", "cấp phát", "mở", "đăng tải", "tiếp thu", "thẩm định", "phê duyệt",
        "dự thảo", "soạn thảo", "chuyển", "liên hệ", "kịp thời", "ngay", "sớm", "đúng", "đầy đủ", "chưa", "còn", "không", "đăng ký",
        "đề ra");

    /// <summary>Lower-case words that may end a unit name after its capitalised part.</summary>
    public static readonly Keyword[] NameContinuers = Keyword.Many(
        "chính quyền", "chính trị", "xã hội", "hành chính công", "hành chính", "công", "thông tin", "điện tử", "hạ tầng", "đô thị",
        "dân chủ", "nhân dân", "dân tộc", "tôn giáo", "thanh niên", "phụ nữ", "trẻ em", "gia đình", "địa phương");

    public static int MatchLength(IReadOnlyList<Token> tokens, int i, Keyword[] keywords) => Keyword.Longest(tokens, i, keywords).Length;
}
