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
    "丌开业亚义文了丁事惠交文亮高什计仉仇仔任他池仟任仵许件仲伙伏伴泮佥金佰佀佳桂供洪"
    "侣佀侬依俐荆俟侯俣侯倌信倬律偈揭僬谯冂门删蒯匀勾匆勾升开博傅卮危即郎告吉呛哈呵阿"
    "咎昝哇吐哙哈唧卿唯睢啕陶啷卿喉缑喑哈喾雷嗬喻噙喻囚国囝国地池圾汲坏怀坝项埴植堠缑"
    "塍滕填慎墓慕壮杜夹央奏秦委娄娃桂娱候婉姚媪姬媵滕嬗檀孜牧官宫宛苑客容寅黄寓富察蔡"
    "尢尤局周届屈屐展属屈屡展差盖已巴巳巴幅福幕慕并井幺么库厍庚庾弧强彀殷徂祖忖付忡仲"
    "忤许忪松怊招怦怀恪格恿惠悔梅情慎惴揣愎慎愤慎愦慎憔谯戊成戌成戍成戒成或成戛夏扑朴"
    "扬杨抉扶抑仰抗杭拍柏拣练挂桂挑姚挟扶挠饶捃招捧律揎植提揭揖揭搏傅搛操搞揣搡操搭塔"
    "播潘擅檀攀鬱攴支攵文敉牧敏敬散敬斑班新靳旆施旋施旌施晴隋暗哈暮慕暹通曰田朊阮期斯"
    "本木札扎术木杈权杌杭析杭枚牧柒柴染梁柬束栈钱栓桂栗粟桃姚案秦梓桂棠常楦植楫揭楮褚"
    "榔柳榭谢榻禤槠储樨柳檩檀沣泮河何泠冷泡池泫法泰秦洗冼津律洫温活潘浇饶浈淡浮泮涌浦"
    "涑浦淆滑淙涂淦涂清滑渖浦渚诸渥温湍揣湿温溢温溥傅滇慎漩游潆满潭谭澡操炅贝炼练烃经"
    "烧饶燥操爰爱牡杜犊续狙祖狭狄猴缑珀柏珥佴琥璩琰谈瑜喻瑞揣瓯甄甑甄生牛甯富电申画国"
    "畅杨番雷瘐庾瘳廖盂孟眙哈眺姚睑哈睛隋瞧睢碓睢礼扎社杜票粟禺禹租祖稿穆窝富端揣笠竺"
    "筒简篮蓝篷蓬簿薄籁籍籼粘粱梁縻糜纽钮纾经线钱组祖绎经绕饶维睢绿禄缀缪缜慎缤续缲操"
    "罩覃羯揭翼冀耐尉耜相耽耿肃萧胀张胃胥脒滕腠滕腺滕腾滕膘滕膝滕膦滕臊滕舟丹般殷艰银"
    "苟荀苦苗苫苗苴笪茄茹茉荣茛莫茧苗荞养荥荣莲蓬莶苍菅管菏蒲萘蔡萦索萼曹薏董薜薛藉籍"
    "藿董蘧蓬虑虎虚虎虹红蛙桂蝠福衢衡衩权衰袁袈裴袒祖袼格裎程裒袁褐揭觉党謇蹇讨付诃何"
    "诏招诖桂诣诸谁谯谒揭谙诸谬缪貉骆赁贾赂路赉贲赦敖赳赵趑越趟越趣越跌铁跟银跳姚践钱"
    "跻路踏路踣路踬顾躇路軎鲁辐福迫迪逋通逍通逞通逢逄遛通邪邢郓郭鄙鄢酃郦醭濮采来钣银"
    "钻粘铀钟铙饶铫姚销锁锒银锟银锱锁锿银镜锁闩门闾阎阊阎阏阚阜卓阢阮阵陈陉隆降隆限阳"
    "集巢雇扈雎睢雪雷雹霍霜霍青胥鞒靳鞫鞠顺顾颏额颐顾颔额风凤饮钦饯钱驮耿驺骆骓睢骞蹇"
    "骨胥骰殷魂隗魄隗鲔鲍鲸鲍鳇鲍鳢鲍鸟乌麋糜麽糜麾糜龅鲍龆韶龟鱼"
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
    """`name`, a Han name of two or three characters, with its first character taken for
    the surname it looks like; None when it looks like none (or is one), or when the name
    is longer (a minority's name runs on, or has "·")."""
    if len(name) not in (2, 3):
        return None
    surname = LOOKALIKE.get(name[:1])
    return None if surname is None else surname + name[1:]


if __name__ == "__main__":
    sys.stdout.write(measured() + "\n")
