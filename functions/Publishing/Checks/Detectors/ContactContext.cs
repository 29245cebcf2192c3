namespace Publishing.Checks.Detectors;

/// <summary>Who a mailbox or phone number in the text belongs to, judged from the words on its line just before it.</summary>
public enum ContactOwner
{
    /// <summary>Nothing says: treated as a person's.</summary>
    Unknown,

    /// <summary>After a contact label (联系电话、电子邮箱 …) with no name: a contact line.</summary>
    ContactLine,

    /// <summary>Right after an organisation's name (办公室、委员会、局 …), with or without a label.</summary>
    Organisation,

    /// <summary>Next to a private person's name (联系人张三，手机…; 王老师 138…).</summary>
    Person,
}

/// <summary>
/// Reads the few characters before a contact on the same line (at most <see cref="Window"/>), so the cost per
/// contact is bounded and the check stays linear.
/// </summary>
public static class ContactContext
{
    public const int Window = 24;

    // Longest first: a label is stripped whole (联系电话 before 电话).
    static readonly string[] MailLabels = ["电子邮件地址", "电子邮箱地址", "联系邮箱", "电子邮箱", "电子信箱", "电子邮件", "邮箱地址", "E-mail", "e-mail", "Email", "email", "EMAIL", "邮箱", "信箱", "邮件"];
    static readonly string[] PhoneLabels = ["联系方式", "联系电话", "咨询电话", "举报电话", "监督电话", "投诉电话", "服务电话", "受理电话", "值班电话", "办公电话", "服务热线", "热线电话", "热线", "传真", "电话"];

    // Words that announce a private person (the person's own contact follows).
    static readonly string[] PersonLabels = ["联系人", "负责人", "经办人", "申请人", "举报人", "当事人", "户主", "本人", "姓名", "监护人", "家属", "手机"];

    static readonly string[] Honorifics = ["老师", "同志", "先生", "女士", "主任", "科长", "经理", "书记", "局长"];

    static readonly string[] OrganisationSuffixes =
    [
        "办公室", "委员会", "人民政府", "政府", "办事处", "管委会", "中心", "局", "厅", "委", "办", "部", "处", "科", "站", "所", "院",
        "队", "室", "组", "会", "馆", "社区", "街道", "镇", "乡", "公司", "协会", "学校", "医院", "专栏", "网站", "信箱",
    ];

    // The most common surnames (about 85% of the population), for a name written right before a number.
    const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
        + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    static readonly char[] Separators = [' ', '\u3000', '\t', ':', '：', ',', '，', '、', '(', ')', '（', '）', '-', '—', '/', '为', '是', '至', '到', '的'];

    /// <summary>Who the contact starting at <paramref name="start"/> belongs to.</summary>
    public static ContactOwner Classify(string text, int start, bool mail)
    {
        int from = Math.Max(0, start - Window);
        int newline = text.LastIndexOf('\n', Math.Max(0, start - 1), start - from);
        if (newline >= from)
        {
            from = newline + 1;
            // 联系人：张三 on the line above: the number or mailbox below is that person's.
            if (PreviousLineNamesAPerson(text, newline))
            {
                return ContactOwner.Person;
            }
        }

        var before = text.AsSpan(from, start - from);
        bool labelled = false;
        while (true)
        {
            var trimmed = before.TrimEnd(Separators);
            if (EndsWithAny(trimmed, mail ? MailLabels : PhoneLabels, out int label) || EndsWithAny(trimmed, mail ? PhoneLabels : MailLabels, out label))
            {
                labelled = true;
                trimmed = trimmed[..^label];
            }

            if (trimmed.Length == before.Length)
            {
                break;
            }

            before = trimmed;
        }

        if (EndsWithAny(before, OrganisationSuffixes, out _))
        {
            return ContactOwner.Organisation;
        }

        if (NamesAPerson(before) || ContainsAny(before, PersonLabels))
        {
            return ContactOwner.Person;
        }

        return labelled ? ContactOwner.ContactLine : ContactOwner.Unknown;
    }

    static bool PreviousLineNamesAPerson(string text, int newline)
    {
        int start = newline;
        while (start > 0 && newline - start < Window && text[start - 1] != '\n')
        {
            start--;
        }

        if (start > 0 && text[start - 1] != '\n')
        {
            return false; // a long line of prose, not a 联系人 line
        }

        var line = text.AsSpan(start, newline - start).TrimStart();
        foreach (string label in LineLabels)
        {
            if (line.StartsWith(label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    static readonly string[] LineLabels = ["联系人", "负责人", "经办人", "申请人", "姓名"];

    /// <summary>A surname and one or two more characters standing alone, or a surname with an honorific (王老师).</summary>
    static bool NamesAPerson(ReadOnlySpan<char> before)
    {
        if (EndsWithAny(before, Honorifics, out int honorific))
        {
            var rest = before[..^honorific];
            return rest.Length > 0 && Surnames.Contains(rest[^1]);
        }

        int run = 0;
        while (run < before.Length && run < 5 && Cjk.IsIdeograph(before[before.Length - 1 - run]))
        {
            run++;
        }

        return run is 2 or 3 && Surnames.Contains(before[^run]);
    }

    static bool EndsWithAny(ReadOnlySpan<char> text, string[] words, out int length)
    {
        foreach (string word in words)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                length = word.Length;
                return true;
            }
        }

        length = 0;
        return false;
    }

    static bool ContainsAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (string word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
