"""Characters no surname is that look like one: the surname a name's first character is
taken for when the recogniser read it surely as a character of like shape that no one
bears ("库筱悦" for 厍筱悦, "洗浩然" for 冼浩然) and none of its other choices there is a
surname (`ocr.surnames`).

The table is measured, not written by hand: `python -m ocr.surname_lookalikes` draws
every GB 2312 character and every surname in two faces (Noto Sans CJK SC and Noto Serif
CJK SC, Regular, 48 px) and pairs a character with the surname whose strokes its own
cover, and are covered by, all but `LIKENESS` of the ink in both faces, when the next
likeliest surname stands half as far again. `tests/ocr/test_surname_lookalikes.py`
draws it again and compares.
"""

from __future__ import annotations

import sys

LIKENESS = 0.15  # share of the two glyphs' ink the other's strokes do not reach
MARGIN = 1.5  # the next likeliest surname is at least this much further
FACES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)
FACE_INDEX = 2  # SC in the collections of fonts-noto-cjk

# character and surname, in pairs (generated)
_PAIRS = (
    "义文了丁事惠交文亮高什计仉仇仔任他池仟任仵许件仲伙伏伴泮伽柳佥金佳桂供洪俐荆俟侯"
    "俣侯候侯偈揭僬谯删蒯匀勾匆勾医匡博傅占古卮危即郎吁叶吐叶告吉员贡呛哈咎昝哙哈啕陶"
    "喉缑喑哈喾雷嗬喻噙喻囚国囝国囤国围国地池圾汲坏怀坝项堠缑塍滕填慎墓慕壬王壮杜奏秦"
    "委娄娃桂婉姚媪姬媵滕孜牧官宫客容寅黄寓富察蔡尢尤局周届屈属屈差盖已巴巳巴幅福幕慕"
    "并井库厍庚庾弧强彀殷徂祖忡仲忤许忪松怦怀恿惠悔梅情慎惕揭惰慎愎慎愠温愤慎愦慎憔谯"
    "戊成戌成戍成戒成或成戛夏扬杨抉扶抑仰抗杭拍柏拣练挂桂挑姚挟扶挠饶挨侯提揭揖揭揶柳"
    "搏傅播潘攀鬱攴支攵文敉牧散敖敫敖斑班新靳旆施旋施旌施昊吴暗哈暮慕暹通曰田朊阮木水"
    "杈权杌杭来朱析杭枘柏枚牧柒柴染梁柚柏柬束栀桓栈钱栓桂栗粟栳褚桃姚案秦桡饶桧松梓桂"
    "棠常椰柳楫揭楮褚榔柳榫梅榭谢槠储樨柳正王母毋沣泮河何泠冷泡池泫法泰秦洗冼洫温活潘"
    "浇饶浮泮涌浦涑浦淆滑淙涂淡谈淦涂混温清滑渖浦渚诸渥温湿温溢温溥傅滇慎漩游潆满潭谭"
    "炅贝炼练烃经烧饶爰爱牡杜狙祖狭狄猴缑玉王珀柏珥佴琥璩琰谈瑜喻璁璩瓯甄甑甄生牛甯富"
    "电申画国畅杨番雷瘐庾瘳廖皆晋盂孟眙哈眺姚睑哈社杜祛扶票粟禺禹租祖稿穆窝富笠竺筒简"
    "篮蓝篷蓬簿薄籁籍粕柏粱梁縻糜纽钮纾经线钱组祖绍纪绎经绕饶绲缑绿禄缀缪缜慎罩覃羯揭"
    "翼冀耜相耽耿肃萧胀张胃胥脒滕腠滕腺滕腾滕膘滕膝滕膦滕臆滕臊滕般殷苟荀苦苗苫苗苴笪"
    "茄茹茆茹茉荣茛莫茧苗荞养荥荣莲蓬莶苍菅管菏蒲萘蔡萦索萼曹薏董薜薛藉籍藿董蘧蓬虹红"
    "蚨扶蛙桂蝠福衢衡衣农衩权衰袁袈裴袒祖裎程裒袁褐揭觉党謇蹇诃何诖桂诣诸谁谯谒揭谙诸"
    "谬缪貉骆赁贾赂路赉贲赦敖赳赵趑越趟越趣越跳姚践钱跻路踏路踣路踬顾蹭路躇路軎鲁辐福"
    "达边逋通逍通逞通逢逄遛通邪邢邸邱郓郭鄙鄢酃郦醭濮钝钟钹钱钾钟铀钟铁钦铂柏铆柳铗钦"
    "铙饶铫姚铬路锃程镡谭闩闫闾阎阁阎阊阎阏阚阜卓阢阮阵陈陉隆降隆限阳集巢雇扈雪雷雹霍"
    "霜霍青胥鞒靳鞫鞠顺顾颃颜颐顾频颜颔颜额颜颠颜颤颜风凤饮钦饯钱驮耿驺骆骞蹇骨胥骰殷"
    "魂隗魄隗鲋鲍鲔鲍鲲鲍鲸鲍鳇鲍鳢鲍鸟乌麋糜麽糜麾糜龅鲍龆韶龟鱼"
)

LOOKALIKE: dict[str, str] = {_PAIRS[k]: _PAIRS[k + 1] for k in range(0, len(_PAIRS), 2)}


def measured() -> str:
    """The pairs, drawn again from the faces (needs Pillow, OpenCV and fonts-noto-cjk)."""
    import cv2
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from ocr.surnames import SINGLE

    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    chars += sorted(SINGLE - set(chars))
    surnames = [k for k, c in enumerate(chars) if c in SINGLE]
    worst = None
    for path in FACES:
        font = ImageFont.truetype(path, 48, index=FACE_INDEX)
        glyphs = []
        for c in chars:
            im = Image.new("L", (56, 56), 0)
            ImageDraw.Draw(im).text((4, -4), c, 255, font=font)
            glyphs.append(np.asarray(im) > 127)
        ink = np.stack(glyphs).reshape(len(chars), -1).astype(np.float32)
        near = np.stack(
            [cv2.dilate(g.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0 for g in glyphs]
        )
        reach = near.reshape(len(chars), -1).astype(np.float32)
        a, b = ink, ink[surnames]
        apart = (a.sum(1)[:, None] - a @ reach[surnames].T) + (b.sum(1)[None, :] - reach @ b.T)
        score = apart / (a.sum(1)[:, None] + b.sum(1)[None, :])
        worst = score if worst is None else np.maximum(worst, score)
    assert worst is not None
    pairs = []
    for k, c in enumerate(chars):
        if c in SINGLE:
            continue
        first, second = np.argsort(worst[k])[:2]
        if worst[k, first] <= LIKENESS and worst[k, second] >= MARGIN * worst[k, first]:
            pairs.append(c + chars[surnames[first]])
    return "".join(sorted(pairs))


def surname_lookalike(name: str) -> str | None:
    """`name` with its first character taken for the surname it looks like, or None when
    it looks like none (or is one)."""
    surname = LOOKALIKE.get(name[:1])
    return None if surname is None else surname + name[1:]


if __name__ == "__main__":
    sys.stdout.write(measured() + "\n")
