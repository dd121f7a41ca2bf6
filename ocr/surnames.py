"""Surnames: a person's name read with a character no surname has is put right from the
recogniser's other choices at that character.

The recogniser reads a name's surname, a character it has no context for, as a character
of like shape that no one bears as a surname ("墓暄铭" for 葛暄铭, "祠旻莘" for 柯旻莘,
"上宫翎桐" for 上官翎桐). Its second or third choice at that character is often the
surname. A name whose first character (or first two) is no surname in the Hundred Family
Surnames (《百家姓》, with the compound surnames of its end) or among the few common
surnames it leaves out takes the likeliest choice that makes it one, when the recogniser
gave that choice at least `CHOICE_MIN` and was unsure of its own reading (`READ_UNSURE`).
A surname the list lacks read surely stays as read.
"""

from __future__ import annotations

from collections.abc import Sequence

# 《百家姓》: the single surnames, in its order, then the common ones it leaves out
_SINGLE = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章"
    "云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常"
    "乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞"
    "熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍"
    "虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁"
    "荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙"
    "池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农"
    "温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东"
    "欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红"
    "游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况郈佘佴墨哈谯笪年爱阳佟言福"
    # borne today, not in it (肖, 付, 代 among the hundred commonest)
    "覃冼揭戢练谌邝泮粟蹇鲜"
    "肖付代兰牟丛苑银战初由修邸原候操来禤麴亓尉庹铁檀母么过佀睢朴郇开招植区虎户鄞旷信种"
    "粘续揣展淡贠玄隋仝达綦郄盘凃律芦卿占智门问敬衣锁赫"
    # the first word of names with no surname (Tibetan, Uyghur, Kazakh, Yi): 次仁, 扎西,
    # 阿依古丽, 玉素甫, 吐尔逊, 热合曼, 努尔, 帕提古丽, 迪丽娜尔
    "次扎格央尼拉旦多洛丹其德阿买玉吐热努帕迪依塔加卡克木亚再图奥斯额"
)
_COMPOUND = (
    "万俟司马上官欧阳夏侯诸葛闻人东方赫连皇甫尉迟公羊澹台公冶宗政濮阳淳于单于太叔申屠"
    "公孙仲孙轩辕令狐钟离宇文长孙慕容鲜于闾丘司徒司空亓官司寇仉督子车颛孙端木巫马公西"
    "漆雕乐正壤驷公良拓跋夹谷宰父谷梁段干百里东郭南门呼延归海羊舌微生梁丘左丘东门西门"
    "商牟有琴伯赏南宫第五"
)
SINGLE = frozenset(_SINGLE)
COMPOUND = frozenset(_COMPOUND[k : k + 2] for k in range(0, len(_COMPOUND), 2))

CHOICES = 3  # the recogniser's likeliest characters looked at, its own reading first
CHOICE_MIN = 0.02  # the recogniser's probability of a choice worth taking
READ_UNSURE = 0.9  # its probability of its own reading, below which it may be wrong

Choices = Sequence[tuple[str, float]]  # at one character: (character, probability), best first


def has_surname(name: str) -> bool:
    """The name opens with a surname (single or compound)."""
    return name[:2] in COMPOUND or name[:1] in SINGLE


def put_right(name: str, choices: Sequence[Choices]) -> str:
    """`name` with its surname put right from the recogniser's `choices` at its first
    two characters (one sequence of choices to each character of `name`, among them the
    character as read), or as read."""
    if has_surname(name) or len(choices) != len(name):
        return name
    best, best_p = name, 0.0
    for at in range(min(2, len(name) - 1)):
        read = dict(choices[at]).get(name[at], 0.0)
        if read >= READ_UNSURE:
            continue
        for char, p in choices[at]:
            other = name[:at] + char + name[at + 1 :]
            if p >= CHOICE_MIN and p > best_p and has_surname(other):
                best, best_p = other, p
    return best


def find(name: str, choices: Sequence[Choices]) -> int:
    """Where `name` stands in a line read again with `choices` at each character: the
    first place where every character of it is among the choices (the second reading
    may differ from the first where the recogniser was unsure), or -1."""
    for start in range(len(choices) - len(name) + 1):
        if all(any(char == c for c, _ in choices[start + k]) for k, char in enumerate(name)):
            return start
    return -1
