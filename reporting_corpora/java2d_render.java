// The java2d reporting corpus's renderer: OpenJDK's Java2D, headless. Reads a batch of page
// models (JSON, written by reporting_corpora/java2d_doc.py), draws each page on a 300 ppi
// BufferedImage with Graphics2D and writes it as PNG, and writes a JSON report of every text
// run it drew, in draw order: its text, face and pixel box (a paragraph's runs are the lines
// LineBreakMeasurer broke it into). Faces come from their files only (Font.createFont); a
// character a face cannot display, or whose glyph has no outline, stops the batch.
//
// usage: java -Djava.awt.headless=true java2d_render.java batch.json out_dir
import java.awt.*;
import java.awt.font.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.util.*;
import java.util.List;
import javax.imageio.ImageIO;

public class java2d_render {
    // ---- a small JSON reader and writer (the JDK has none) ----
    static final class Json {
        final String s;
        int i;

        Json(String s) { this.s = s; }

        Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    ws();
                    String k = (String) value();
                    ws();
                    i++; // ':'
                    m.put(k, value());
                    ws();
                    if (s.charAt(i++) == '}') return m;
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') return l;
                }
            }
            if (c == '"') {
                i++;
                StringBuilder b = new StringBuilder();
                while (true) {
                    char d = s.charAt(i++);
                    if (d == '"') return b.toString();
                    if (d == '\\') {
                        char e = s.charAt(i++);
                        switch (e) {
                            case 'n': b.append('\n'); break;
                            case 't': b.append('\t'); break;
                            case 'r': b.append('\r'); break;
                            case 'b': b.append('\b'); break;
                            case 'f': b.append('\f'); break;
                            case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                            default: b.append(e);
                        }
                    } else b.append(d);
                }
            }
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int j = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            return Double.parseDouble(s.substring(j, i));
        }

        void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

        static String quote(String t) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : t.toCharArray()) {
                if (c == '"' || c == '\\') b.append('\\').append(c);
                else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                else b.append(c);
            }
            return b.append('"').toString();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) { return (Map<String, Object>) o; }

    @SuppressWarnings("unchecked")
    static List<Object> arr(Object o) { return (List<Object>) o; }

    static double num(Map<String, Object> m, String k, double dflt) {
        Object o = m.get(k);
        return o == null ? dflt : ((Double) o);
    }

    static String str(Map<String, Object> m, String k) { return (String) m.get(k); }

    static Color color(Map<String, Object> m, String k, Color dflt) {
        Object o = m.get(k);
        if (o == null) return dflt;
        List<Object> c = arr(o);
        return new Color(((Double) c.get(0)).intValue(), ((Double) c.get(1)).intValue(), ((Double) c.get(2)).intValue());
    }

    static final class RenderError extends RuntimeException {
        RenderError(String m) { super(m); }
    }

    // ---- faces: from their files only ----
    final Map<String, Font> faces = new HashMap<>();
    final FontRenderContext frc = new FontRenderContext(null, true, true);
    boolean noText = false;

    Font face(String name, double size, boolean bold) {
        Font base = faces.get(name);
        if (base == null) throw new RenderError("unknown face " + name);
        return base.deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size);
    }

    void checkGlyphs(Font f, String faceName, String text) {
        for (int k = 0; k < text.length(); ) {
            int cp = text.codePointAt(k);
            k += Character.charCount(cp);
            if (Character.isWhitespace(cp)) continue;
            if (!f.canDisplay(cp)) throw new RenderError("face " + faceName + " cannot display " + new String(Character.toChars(cp)) + " (U+" + Integer.toHexString(cp) + ")");
            GlyphVector gv = f.createGlyphVector(frc, new String(Character.toChars(cp)));
            Rectangle2D b = gv.getOutline().getBounds2D();
            if (b.isEmpty()) throw new RenderError("face " + faceName + " has an empty glyph for " + new String(Character.toChars(cp)) + " (U+" + Integer.toHexString(cp) + ")");
        }
    }

    // ---- one page ----
    final StringBuilder report = new StringBuilder();
    boolean firstRun;

    void run(String id, String text, String faceName, Rectangle box) {
        report.append(firstRun ? "" : ",").append("\n  {\"id\":").append(Json.quote(id))
            .append(",\"text\":").append(Json.quote(text)).append(",\"face\":").append(Json.quote(faceName))
            .append(",\"box\":[").append(box.x).append(',').append(box.y).append(',')
            .append(box.x + box.width).append(',').append(box.y + box.height).append("]}");
        firstRun = false;
    }

    BufferedImage page(Map<String, Object> p) {
        int w = (int) num(p, "width", 2480), h = (int) num(p, "height", 3508);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Rectangle pageBox = new Rectangle(0, 0, w, h);
        for (Object o : arr(p.get("ops"))) {
            Map<String, Object> op = obj(o);
            String t = str(op, "t");
            switch (t) {
                case "text": text(g, op, pageBox); break;
                case "para": para(g, op, pageBox); break;
                case "line": {
                    g.setColor(color(op, "color", Color.BLACK));
                    g.setStroke(new BasicStroke((float) num(op, "w", 3), BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
                    g.draw(new Line2D.Double(num(op, "x1", 0), num(op, "y1", 0), num(op, "x2", 0), num(op, "y2", 0)));
                    break;
                }
                case "rect": {
                    Shape r = num(op, "round", 0) > 0
                        ? new RoundRectangle2D.Double(num(op, "x", 0), num(op, "y", 0), num(op, "w", 0), num(op, "h", 0), num(op, "round", 0), num(op, "round", 0))
                        : new Rectangle2D.Double(num(op, "x", 0), num(op, "y", 0), num(op, "w", 0), num(op, "h", 0));
                    if (op.get("fill") != null) { g.setColor(color(op, "fill", Color.BLACK)); g.fill(r); }
                    if (num(op, "stroke", 0) > 0) {
                        g.setColor(color(op, "color", Color.BLACK));
                        g.setStroke(new BasicStroke((float) num(op, "stroke", 0)));
                        g.draw(r);
                    }
                    break;
                }
                case "check": {
                    double x = num(op, "x", 0), y = num(op, "y", 0), s = num(op, "s", 40);
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(3f));
                    g.draw(new Rectangle2D.Double(x, y, s, s));
                    if (Boolean.TRUE.equals(op.get("on"))) {
                        g.setColor(color(op, "color", new Color(20, 40, 150)));
                        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        Path2D tick = new Path2D.Double();
                        tick.moveTo(x + s * 0.15, y + s * 0.5);
                        tick.lineTo(x + s * 0.42, y + s * 0.82);
                        tick.lineTo(x + s * 1.05, y - s * 0.1);
                        g.draw(tick);
                    }
                    break;
                }
                case "qr": {
                    double x = num(op, "x", 0), y = num(op, "y", 0), m = num(op, "module", 10);
                    g.setColor(Color.BLACK);
                    List<Object> rows = arr(op.get("rows"));
                    for (int r = 0; r < rows.size(); r++) {
                        String row = (String) rows.get(r);
                        for (int c = 0; c < row.length(); c++)
                            if (row.charAt(c) == '1') g.fill(new Rectangle2D.Double(x + c * m, y + r * m, m, m));
                    }
                    break;
                }
                case "seal": seal(img, op); break;
                default: throw new RenderError("unknown op " + t);
            }
        }
        g.dispose();
        return img;
    }

    void text(Graphics2D g, Map<String, Object> op, Rectangle pageBox) {
        String s = str(op, "s"), faceName = str(op, "face");
        Font f = face(faceName, num(op, "size", 44), Boolean.TRUE.equals(op.get("bold")));
        checkGlyphs(f, faceName, s);
        TextLayout layout = new TextLayout(s, f, frc);
        double x = num(op, "x", 0), y = num(op, "y", 0);
        double adv = layout.getAdvance();
        String anchor = op.get("anchor") == null ? "l" : str(op, "anchor");
        if (anchor.equals("c")) x -= adv / 2;
        else if (anchor.equals("r")) x -= adv;
        double maxw = num(op, "maxw", 0);
        if (maxw > 0 && adv > maxw + 0.5) throw new RenderError("run " + str(op, "id") + " overflows its width: " + adv + " > " + maxw);
        double rot = Math.toRadians(num(op, "rot", 0));
        AffineTransform at = AffineTransform.getRotateInstance(rot, x, y);
        Shape outline = at.createTransformedShape(layout.getOutline(AffineTransform.getTranslateInstance(x, y)));
        Rectangle box = outline.getBounds();
        if (!pageBox.contains(box)) throw new RenderError("run " + str(op, "id") + " leaves the page: " + box);
        if (!noText) {
            g.setColor(color(op, "color", Color.BLACK));
            AffineTransform saved = g.getTransform();
            g.rotate(rot, x, y);
            layout.draw(g, (float) x, (float) y);
            g.setTransform(saved);
        }
        run(str(op, "id"), s, faceName, box);
    }

    void para(Graphics2D g, Map<String, Object> op, Rectangle pageBox) {
        List<Object> segs = arr(op.get("segs"));
        StringBuilder all = new StringBuilder();
        List<int[]> ranges = new ArrayList<>();
        List<Font> fonts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (Object o : segs) {
            Map<String, Object> sg = obj(o);
            String s = str(sg, "s"), faceName = str(sg, "face");
            Font f = face(faceName, num(sg, "size", 44), Boolean.TRUE.equals(sg.get("bold")));
            checkGlyphs(f, faceName, s);
            ranges.add(new int[] {all.length(), all.length() + s.length()});
            all.append(s);
            fonts.add(f);
            names.add(faceName);
            colors.add(color(sg, "color", Color.BLACK));
        }
        AttributedString as = new AttributedString(all.toString());
        for (int k = 0; k < ranges.size(); k++) {
            int[] r = ranges.get(k);
            if (r[0] == r[1]) continue;
            as.addAttribute(TextAttribute.FONT, fonts.get(k), r[0], r[1]);
            as.addAttribute(TextAttribute.FOREGROUND, colors.get(k), r[0], r[1]);
        }
        AttributedCharacterIterator it = as.getIterator();
        LineBreakMeasurer lbm = new LineBreakMeasurer(it, frc);
        double x = num(op, "x", 0), y = num(op, "y", 0), w = num(op, "w", 1000), maxh = num(op, "h", 0);
        double lead = num(op, "lead", 1.6), first = num(op, "indent", 0);
        double lineH = num(op, "lineh", 0);
        double top = y;
        boolean firstLine = true;
        while (lbm.getPosition() < it.getEndIndex()) {
            int start = lbm.getPosition();
            double ind = firstLine ? first : 0;
            TextLayout layout = lbm.nextLayout((float) (w - ind));
            int end = lbm.getPosition();
            double step = lineH > 0 ? lineH : (layout.getAscent() + layout.getDescent()) * lead;
            double base = y + (lineH > 0 ? lineH * 0.78 : layout.getAscent());
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x + ind, base));
            Rectangle box = outline.getBounds();
            if (!pageBox.contains(box)) throw new RenderError("para " + str(op, "id") + " leaves the page: " + box);
            if (maxh > 0 && y + step - top > maxh + 1) throw new RenderError("para " + str(op, "id") + " overflows its height " + maxh);
            if (!noText) layout.draw(g, (float) (x + ind), (float) base);
            Set<String> used = new LinkedHashSet<>();
            for (int k = 0; k < ranges.size(); k++)
                if (ranges.get(k)[0] < end && ranges.get(k)[1] > start) used.add(names.get(k));
            run(str(op, "id"), all.substring(start, end), String.join("+", used), box);
            y += step;
            firstLine = false;
        }
    }

    // a red seal stamped over the page: ring, star and ring words as glyph outlines, put on
    // by multiplying so the text under it stays visible
    void seal(BufferedImage img, Map<String, Object> op) {
        double cx = num(op, "cx", 0), cy = num(op, "cy", 0), r = num(op, "r", 230);
        int size = (int) Math.ceil(2 * r + 8);
        BufferedImage layer = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.translate(size / 2.0, size / 2.0);
        g.rotate(Math.toRadians(num(op, "rot", 0)));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) (r * 0.055)));
        g.draw(new Ellipse2D.Double(-r * 0.96, -r * 0.96, r * 1.92, r * 1.92));
        Path2D star = new Path2D.Double();
        double so = r * 0.27, si = so * 0.382;
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5, rr = (k % 2 == 0) ? so : si;
            if (k == 0) star.moveTo(rr * Math.cos(a), rr * Math.sin(a));
            else star.lineTo(rr * Math.cos(a), rr * Math.sin(a));
        }
        star.closePath();
        g.fill(star);
        String words = str(op, "words");
        String faceName = str(op, "face");
        Font f = face(faceName, r * 0.24, false);
        checkGlyphs(f, faceName, words);
        int n = words.codePointCount(0, words.length());
        double span = Math.toRadians(Math.min(250, 22 * n + 20));
        double radius = r * 0.70;
        int k = 0;
        for (int i = 0; i < words.length(); ) {
            int cp = words.codePointAt(i);
            i += Character.charCount(cp);
            double a = -Math.PI / 2 - span / 2 + (n == 1 ? span / 2 : span * k / (n - 1));
            GlyphVector gv = f.createGlyphVector(frc, new String(Character.toChars(cp)));
            Shape glyph = gv.getOutline();
            Rectangle2D gb = glyph.getBounds2D();
            AffineTransform at = new AffineTransform();
            at.translate(radius * Math.cos(a), radius * Math.sin(a));
            at.rotate(a + Math.PI / 2);
            at.translate(-gb.getCenterX(), -gb.getCenterY());
            g.fill(at.createTransformedShape(glyph));
            k++;
        }
        String bottom = str(op, "bottom");
        if (bottom != null && !bottom.isEmpty()) {
            Font fb = face(faceName, r * 0.16, false);
            checkGlyphs(fb, faceName, bottom);
            Shape gl = fb.createGlyphVector(frc, bottom).getOutline();
            Rectangle2D gb = gl.getBounds2D();
            g.fill(AffineTransform.getTranslateInstance(-gb.getCenterX(), r * 0.55 - gb.getCenterY()).createTransformedShape(gl));
        }
        g.dispose();
        Color ink = color(op, "color", new Color(214, 38, 42));
        double strength = num(op, "alpha", 0.75);
        int ox = (int) Math.round(cx - size / 2.0), oy = (int) Math.round(cy - size / 2.0);
        for (int yy = 0; yy < size; yy++) {
            int py = oy + yy;
            if (py < 0 || py >= img.getHeight()) continue;
            for (int xx = 0; xx < size; xx++) {
                int px = ox + xx;
                if (px < 0 || px >= img.getWidth()) continue;
                int a = (layer.getRGB(xx, yy) >>> 24);
                if (a == 0) continue;
                double al = a / 255.0 * strength;
                int rgb = img.getRGB(px, py);
                int rr = (rgb >> 16) & 255, gg = (rgb >> 8) & 255, bb = rgb & 255;
                rr = (int) Math.round(rr * (1 - al + al * ink.getRed() / 255.0));
                gg = (int) Math.round(gg * (1 - al + al * ink.getGreen() / 255.0));
                bb = (int) Math.round(bb * (1 - al + al * ink.getBlue() / 255.0));
                img.setRGB(px, py, (rr << 16) | (gg << 8) | bb);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, Object> batch = obj(new Json(new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8)).value());
        Path out = Paths.get(args[1]);
        java2d_render r = new java2d_render();
        r.noText = Boolean.TRUE.equals(batch.get("no_text"));
        for (Map.Entry<String, Object> e : obj(batch.get("faces")).entrySet()) {
            try (InputStream in = new FileInputStream((String) e.getValue())) {
                r.faces.put(e.getKey(), Font.createFont(Font.TRUETYPE_FONT, in));
            }
        }
        StringBuilder all = new StringBuilder("{\"pages\":[");
        List<Object> pages = arr(batch.get("pages"));
        try {
            for (int i = 0; i < pages.size(); i++) {
                r.report.setLength(0);
                r.firstRun = true;
                BufferedImage img = r.page(obj(pages.get(i)));
                ImageIO.write(img, "png", out.resolve(String.format("page-%03d.png", i)).toFile());
                all.append(i == 0 ? "" : ",").append("\n {\"runs\":[").append(r.report).append("]}");
            }
        } catch (RenderError e) {
            System.err.println("java2d: " + e.getMessage());
            System.exit(3);
        }
        all.append("]}\n");
        Files.write(out.resolve("report.json"), all.toString().getBytes(StandardCharsets.UTF_8));
    }
}
