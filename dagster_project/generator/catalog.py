"""The generator's catalogue: classification codes, regions, kinds of department, wording.

Plain data only. Function subjects follow the national 支出功能分类 (类 3 digits, 款 5, 项 7);
economic subjects the 部门预算支出经济分类 (class 3 digits, item 5). Only the part of the lists
that district-level departments actually use is here: the generator samples from it.
"""

from __future__ import annotations

# 类 code -> name as printed in Tables 2/3/5 and (without the code) in Table 1.
FUNCTION_CLASSES: dict[str, str] = {
    "201": "一般公共服务支出",
    "202": "外交支出",
    "203": "国防支出",
    "204": "公共安全支出",
    "205": "教育支出",
    "206": "科学技术支出",
    "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出",
    "210": "卫生健康支出",
    "211": "节能环保支出",
    "212": "城乡社区支出",
    "213": "农林水支出",
    "214": "交通运输支出",
    "215": "资源勘探工业信息等支出",
    "216": "商业服务业等支出",
    "217": "金融支出",
    "219": "援助其他地区支出",
    "220": "自然资源海洋气象等支出",
    "221": "住房保障支出",
    "222": "粮油物资储备支出",
    "223": "国有资本经营预算支出",
    "224": "灾害防治及应急管理支出",
    "229": "其他支出",
    "231": "债务还本支出",
    "232": "债务付息支出",
    "234": "抗疫特别国债安排的支出",
}

# The expenditure rows of Table 1/4 in template order. 26 rows: the 2020-2022 templates (with
# 抗疫特别国债); 24 rows: templates without 国有资本经营预算支出 and 抗疫特别国债.
T1_CLASSES_26 = ("201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
                 "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234")
T1_CLASSES_24 = tuple(code for code in T1_CLASSES_26 if code not in ("223", "234"))

# 款 code -> name.
FUNCTION_SECTIONS: dict[str, str] = {
    "20101": "人大事务",
    "20103": "政府办公厅（室）及相关机构事务",
    "20106": "财政事务",
    "20131": "党委办公厅（室）及相关机构事务",
    "20138": "市场监督管理事务",
    "20402": "公安",
    "20501": "教育管理事务",
    "20502": "普通教育",
    "20701": "文化和旅游",
    "20802": "民政管理事务",
    "20805": "行政事业单位养老支出",
    "20810": "社会福利",
    "21001": "卫生健康管理事务",
    "21002": "公立医院",
    "21004": "公共卫生",
    "21011": "行政事业单位医疗",
    "21201": "城乡社区管理事务",
    "21205": "城乡社区环境卫生",
    "22102": "住房改革支出",
    "22401": "应急管理事务",
}

# 项 code -> name.
FUNCTION_ITEMS: dict[str, str] = {
    "2010101": "行政运行",
    "2010102": "一般行政管理事务",
    "2010104": "人大会议",
    "2010301": "行政运行",
    "2010302": "一般行政管理事务",
    "2010350": "事业运行",
    "2010601": "行政运行",
    "2010602": "一般行政管理事务",
    "2010607": "信息化建设",
    "2010608": "财政委托业务支出",
    "2013101": "行政运行",
    "2013102": "一般行政管理事务",
    "2013150": "事业运行",
    "2013801": "行政运行",
    "2013802": "一般行政管理事务",
    "2013816": "食品安全监管",
    "2040201": "行政运行",
    "2040202": "一般行政管理事务",
    "2040219": "信息化建设",
    "2050101": "行政运行",
    "2050102": "一般行政管理事务",
    "2050201": "学前教育",
    "2050202": "小学教育",
    "2050203": "初中教育",
    "2050204": "高中教育",
    "2070101": "行政运行",
    "2070102": "一般行政管理事务",
    "2070109": "群众文化",
    "2080201": "行政运行",
    "2080202": "一般行政管理事务",
    "2080501": "行政单位离退休",
    "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "2081002": "老年福利",
    "2100101": "行政运行",
    "2100102": "一般行政管理事务",
    "2100201": "综合医院",
    "2100202": "中医（民族）医院",
    "2100408": "基本公共卫生服务",
    "2101101": "行政单位医疗",
    "2101102": "事业单位医疗",
    "2101103": "公务员医疗补助",
    "2120101": "行政运行",
    "2120102": "一般行政管理事务",
    "2120104": "城管执法",
    "2120501": "城乡社区环境卫生",
    "2210201": "住房公积金",
    "2210202": "提租补贴",
    "2210203": "购房补贴",
    "2240101": "行政运行",
    "2240102": "一般行政管理事务",
}

# Economic subjects of Table 6, in template order: (code, name, column group).
# Group: 'personnel' (人员经费: 301, 303) or 'public' (公用经费: 302, 310).
ECONOMIC_SUBJECTS: tuple[tuple[str, str, str], ...] = (
    ("301", "工资福利支出", "personnel"),
    ("30101", "基本工资", "personnel"),
    ("30102", "津贴补贴", "personnel"),
    ("30103", "奖金", "personnel"),
    ("30106", "伙食补助费", "personnel"),
    ("30107", "绩效工资", "personnel"),
    ("30108", "机关事业单位基本养老保险缴费", "personnel"),
    ("30109", "职业年金缴费", "personnel"),
    ("30110", "职工基本医疗保险缴费", "personnel"),
    ("30111", "公务员医疗补助缴费", "personnel"),
    ("30112", "其他社会保障缴费", "personnel"),
    ("30113", "住房公积金", "personnel"),
    ("30114", "医疗费", "personnel"),
    ("30199", "其他工资福利支出", "personnel"),
    ("303", "对个人和家庭的补助", "personnel"),
    ("30301", "离休费", "personnel"),
    ("30302", "退休费", "personnel"),
    ("30304", "抚恤金", "personnel"),
    ("30305", "生活补助", "personnel"),
    ("30307", "医疗费补助", "personnel"),
    ("30309", "奖励金", "personnel"),
    ("30399", "其他对个人和家庭的补助", "personnel"),
    ("302", "商品和服务支出", "public"),
    ("30201", "办公费", "public"),
    ("30202", "印刷费", "public"),
    ("30205", "水费", "public"),
    ("30206", "电费", "public"),
    ("30207", "邮电费", "public"),
    ("30209", "物业管理费", "public"),
    ("30211", "差旅费", "public"),
    ("30213", "维修（护）费", "public"),
    ("30215", "会议费", "public"),
    ("30216", "培训费", "public"),
    ("30217", "公务接待费", "public"),
    ("30226", "劳务费", "public"),
    ("30227", "委托业务费", "public"),
    ("30228", "工会经费", "public"),
    ("30229", "福利费", "public"),
    ("30231", "公务用车运行维护费", "public"),
    ("30239", "其他交通费用", "public"),
    ("30299", "其他商品和服务支出", "public"),
    ("310", "资本性支出", "public"),
    ("31002", "办公设备购置", "public"),
    ("31003", "专用设备购置", "public"),
    ("31007", "信息网络及软件购置更新", "public"),
)

# Rough weights of the economic items inside their class (how a budget usually splits).
ECONOMIC_WEIGHTS: dict[str, int] = {
    "30101": 18, "30102": 20, "30103": 12, "30106": 1, "30107": 8, "30108": 9, "30109": 4, "30110": 5,
    "30111": 2, "30112": 1, "30113": 9, "30114": 1, "30199": 4,
    "30301": 2, "30302": 10, "30304": 1, "30305": 1, "30307": 1, "30309": 1, "30399": 1,
    "30201": 8, "30202": 3, "30205": 2, "30206": 4, "30207": 2, "30209": 6, "30211": 2, "30213": 3,
    "30215": 1, "30216": 2, "30217": 1, "30226": 4, "30227": 5, "30228": 6, "30229": 6, "30231": 3,
    "30239": 10, "30299": 4,
    "31002": 3, "31003": 2, "31007": 2,
}

# Table 1/2 income lines (row_key, label) and the T2 column each sums.
INCOME_LINES: tuple[tuple[str, str], ...] = (
    ("general_budget_appropriation", "一、一般公共预算财政拨款收入"),
    ("gov_fund_appropriation", "二、政府性基金预算财政拨款收入"),
    ("state_capital_appropriation", "三、国有资本经营预算财政拨款收入"),
    ("superior_subsidy", "四、上级补助收入"),
    ("business_income", "五、事业收入"),
    ("operating_income", "六、经营收入"),
    ("affiliated_remittance", "七、附属单位上缴收入"),
    ("other_income", "八、其他收入"),
)

# Regions: (province, city, district, streets of the district). Cities appear in the warehouse's
# region_provinces seed, so the province resolves.
REGIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("湖北省", "武汉市", "硚口区", ("汉正街街道", "宝丰街街道", "荣华街街道", "汉水桥街道")),
    ("湖北省", "武汉市", "江汉区", ("民族街街道", "花楼街街道", "万松街街道", "唐家墩街道")),
    ("上海市", "上海市", "普陀区", ("长寿路街道", "曹杨新村街道", "石泉路街道", "甘泉路街道")),
    ("上海市", "上海市", "徐汇区", ("天平路街道", "湖南路街道", "斜土路街道", "枫林路街道")),
    ("浙江省", "杭州市", "西湖区", ("北山街道", "西溪街道", "翠苑街道", "古荡街道")),
    ("广东省", "广州市", "天河区", ("石牌街道", "五山街道", "林和街道", "沙河街道")),
    ("四川省", "成都市", "武侯区", ("浆洗街街道", "望江路街道", "玉林街道", "火车南站街道")),
    ("江苏省", "南京市", "鼓楼区", ("宁海路街道", "华侨路街道", "湖南路街道", "挹江门街道")),
)

# A confusable character for a character of a place name: how names get misprinted (硚口 -> 侨口).
MISPRINTS: dict[str, str] = {
    "硚": "侨", "汉": "汊", "普": "谱", "陀": "驼", "徐": "涂", "汇": "会", "湖": "胡", "杭": "航",
    "天": "夭", "河": "何", "侯": "候", "鼓": "豉", "楼": "搂", "江": "汪", "西": "酉", "武": "戊",
}

# Kinds of department. `name` builds the full name from (city, district, street, n); `short`
# the short form some pages print ('' when the document uses the full name throughout; only the
# contractions the warehouse knows: 中国共产党 -> 中共, 区委员会 -> 区委). `items`: the function
# subjects (项) with a weight and the basic share in percent. `size`: total expenditure range in
# 万元. `business_share`: percent of spending funded by 事业收入 (institutions).
COMMON_ADMIN_ITEMS = (("2080501", 4, 100), ("2080505", 6, 100), ("2080506", 3, 100), ("2101101", 3, 100),
                      ("2101103", 2, 100), ("2210201", 5, 100), ("2210202", 1, 100))
COMMON_INSTITUTION_ITEMS = (("2080502", 4, 100), ("2080505", 6, 100), ("2080506", 3, 100), ("2101102", 3, 100),
                            ("2210201", 5, 100), ("2210203", 1, 100))

DEPARTMENT_KINDS: dict[str, dict] = {
    "party_office": {
        "name": "中国共产党{city}{district}委员会办公室",
        "short": "中共{city}{district}委办公室",
        "items": (("2013101", 30, 97), ("2013102", 25, 0), ("2013150", 6, 90)) + COMMON_ADMIN_ITEMS,
        "size": (400, 3000), "business_share": (0, 0), "admin": True,
    },
    "government_office": {
        "name": "{city}{district}人民政府办公室",
        "short": "",
        "items": (("2010301", 30, 96), ("2010302", 25, 0), ("2010350", 8, 92)) + COMMON_ADMIN_ITEMS,
        "size": (500, 4000), "business_share": (0, 0), "admin": True,
    },
    "congress_office": {
        "name": "{city}{district}人大常委会办公室",
        "short": "",
        "items": (("2010101", 30, 96), ("2010102", 15, 0), ("2010104", 6, 0)) + COMMON_ADMIN_ITEMS,
        "size": (300, 1500), "business_share": (0, 0), "admin": True,
    },
    "finance_bureau": {
        "name": "{city}{district}财政局",
        "short": "",
        "items": (("2010601", 35, 99), ("2010602", 4, 0), ("2010607", 8, 0), ("2010608", 12, 0)) + COMMON_ADMIN_ITEMS,
        "size": (1500, 6000), "business_share": (0, 0), "admin": True,
    },
    "education_bureau": {
        "name": "{city}{district}教育局",
        "short": "",
        "items": (("2050101", 25, 98), ("2050102", 20, 0), ("2050201", 10, 30)) + COMMON_ADMIN_ITEMS,
        "size": (800, 5000), "business_share": (0, 0), "admin": True,
    },
    "civil_affairs_bureau": {
        "name": "{city}{district}民政局",
        "short": "",
        "items": (("2080201", 25, 98), ("2080202", 10, 0), ("2081002", 25, 0)) + COMMON_ADMIN_ITEMS,
        "size": (800, 8000), "business_share": (0, 0), "admin": True,
    },
    "market_regulation_bureau": {
        "name": "{city}{district}市场监督管理局",
        "short": "",
        "items": (("2013801", 35, 98), ("2013802", 8, 0), ("2013816", 10, 0)) + COMMON_ADMIN_ITEMS,
        "size": (1000, 5000), "business_share": (0, 0), "admin": True,
    },
    "urban_management_bureau": {
        "name": "{city}{district}城市管理执法局",
        "short": "",
        "items": (("2120101", 25, 98), ("2120104", 20, 20), ("2120501", 30, 0)) + COMMON_ADMIN_ITEMS,
        "size": (2000, 20000), "business_share": (0, 0), "admin": True,
    },
    "health_commission": {
        "name": "{city}{district}卫生健康委员会",
        "short": "",
        "items": (("2100101", 25, 98), ("2100102", 10, 0), ("2100408", 25, 0)) + COMMON_ADMIN_ITEMS,
        "size": (1000, 10000), "business_share": (0, 0), "admin": True,
    },
    "emergency_bureau": {
        "name": "{city}{district}应急管理局",
        "short": "",
        "items": (("2240101", 30, 98), ("2240102", 15, 0)) + COMMON_ADMIN_ITEMS,
        "size": (300, 2000), "business_share": (0, 0), "admin": True,
    },
    "primary_school": {
        "name": "{city}{district}第{n}小学",
        "short": "",
        "items": (("2050202", 60, 85),) + COMMON_INSTITUTION_ITEMS,
        "size": (600, 4000), "business_share": (2, 12), "admin": False,
    },
    "middle_school": {
        "name": "{city}{district}第{n}中学",
        "short": "",
        "items": (("2050203", 40, 85), ("2050204", 30, 80)) + COMMON_INSTITUTION_ITEMS,
        "size": (1000, 6000), "business_share": (3, 15), "admin": False,
    },
    "hospital": {
        "name": "{city}{district}人民医院",
        "short": "",
        "items": (("2100201", 60, 60), ("2100408", 10, 0)) + COMMON_INSTITUTION_ITEMS,
        "size": (3000, 30000), "business_share": (40, 80), "admin": False,
    },
    "tcm_hospital": {
        "name": "{city}{district}中医医院",
        "short": "",
        "items": (("2100202", 60, 60),) + COMMON_INSTITUTION_ITEMS,
        "size": (2000, 15000), "business_share": (40, 80), "admin": False,
    },
    "street_office": {
        "name": "{city}{district}{street}办事处",
        "short": "",
        "items": (("2010301", 25, 97), ("2010302", 15, 0), ("2120102", 15, 0), ("2081002", 8, 0)) + COMMON_ADMIN_ITEMS,
        "size": (1500, 8000), "business_share": (0, 0), "admin": True,
    },
}

# Reasons printed after a change (the wording varies; content is not checked).
REASONS_UP = ("人员经费政策性增加", "新增重点工作项目经费", "信息化建设项目支出增加", "人员增加及工资调整",
              "业务量增加相应经费增加")
REASONS_DOWN = ("厉行节约，压减一般性支出", "部分项目完成后支出减少", "人员退休减少人员经费",
                "集中采购设备减量", "严格执行中央八项规定精神")
PROJECT_WORDS = ("业务工作经费", "信息系统运维", "专项工作经费", "办公设备更新", "宣传培训经费")
