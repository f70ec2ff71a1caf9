# shellcheck shell=bash
# install.sh's edits of hdfs-site.xml. BART's properties go in one marked block just before the
# last </configuration>: applying again replaces the block, uninstalling removes it, and nothing
# else in the operator's file changes. Sourced; uses die from install.sh.

# No "--" in these: XML forbids it inside comments, and Hadoop would refuse the whole file.
SITE_BLOCK_BEGIN='<!-- BEGIN BART (added by install.sh with apply-config; removed by its uninstall) -->'
SITE_BLOCK_END='<!-- END BART -->'

# site_without_block < XML: the text without BART's block.
site_without_block() {
  awk '
    index($0, "<!-- BEGIN BART ") { inside = 1 }
    !inside { print }
    inside && index($0, "<!-- END BART -->") { inside = 0 }'
}

# site_value KEY < XML: prints the value of KEY's last definition (the one Hadoop uses), comments
# ignored. Status 1: KEY is not there. Status 2: KEY is there in a form this reader does not parse
# (e.g. attributes), so callers stop instead of guessing.
site_value() {
  awk -v key="$1" '
    function trim(s) { gsub(/^[ \t\r\n]+|[ \t\r\n]+$/, "", s); return s }
    function element(text, tag,   s, e) {
      s = index(text, "<" tag ">")
      if (s == 0) return ""
      text = substr(text, s + length(tag) + 2)
      e = index(text, "</" tag ">")
      return e ? trim(substr(text, 1, e - 1)) : ""
    }
    { doc = doc $0 "\n" }
    END {
      while ((s = index(doc, "<!--")) > 0) {
        rest = substr(doc, s + 4)
        e = index(rest, "-->")
        doc = substr(doc, 1, s - 1) (e ? substr(rest, e + 3) : "")
      }
      mentioned = index(doc, key) > 0
      while ((s = index(doc, "<property>")) > 0) {
        doc = substr(doc, s + 10)
        e = index(doc, "</property>")
        if (e == 0) break
        if (element(substr(doc, 1, e - 1), "name") == key) {
          value = element(substr(doc, 1, e - 1), "value")
          found = 1
        }
        doc = substr(doc, e + 11)
      }
      if (found) { print value; exit 0 }
      exit mentioned ? 2 : 1
    }'
}

# fragment_pairs FRAGMENT: "name value" per property of BART's own fragment (one element a line).
fragment_pairs() {
  awk '
    /<name>/ { sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); name = $0 }
    /<value>/ { sub(/.*<value>/, ""); sub(/<\/value>.*/, ""); print name, $0 }' "$1"
}

# fragment_properties FRAGMENT [NAME...]: the property elements of FRAGMENT, only the named ones
# if names are given, as lines ready to paste inside <configuration>.
fragment_properties() {
  local fragment="$1"
  shift
  awk -v wanted=" $* " '
    /<property>/ { held = ""; keep = 0; inside = 1 }
    inside { held = held $0 "\n" }
    inside && /<name>/ {
      name = $0; sub(/.*<name>/, "", name); sub(/<\/name>.*/, "", name)
      keep = wanted == "  " || index(wanted, " " name " ") > 0
    }
    /<\/property>/ { if (keep) printf "%s", held; inside = 0 }' "$fragment"
}

# lists_value LIST VALUE: whether the comma-separated LIST (Hadoop's plugin lists) has VALUE.
lists_value() {
  local item items
  IFS=',' read -ra items <<< "${1//$'\n'/,}"
  for item in "${items[@]}"; do
    [ "${item//[[:space:]]/}" = "$2" ] && return 0
  done
  return 1
}

# site_plan SITE FRAGMENT OUT: writes to OUT what SITE should become: SITE without BART's block,
# plus a new block with every FRAGMENT property SITE does not already satisfy. Dies, changing
# nothing, when SITE sets one of them to something else: an operator's value is never overwritten.
site_plan() {
  local site="$1" fragment="$2" out="$3" base name value current status missing=() conflicts=()
  base="$out.base"
  if [ -f "$site" ]; then
    site_without_block < "$site" > "$base"
  else
    printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
      '<?xml-stylesheet type="text/xsl" href="configuration.xsl"?>' '<configuration>' '</configuration>' > "$base"
  fi
  grep -q '</configuration>' "$base" || die "$site has no </configuration>: not a Hadoop configuration file"
  while read -r name value; do
    status=0
    current="$(site_value "$name" < "$base")" || status=$?
    case "$status" in
      1) missing+=("$name") ;;
      0) lists_value "$current" "$value" || conflicts+=("$name is '$current'; BART needs '$value' (plugin lists may name other classes too)") ;;
      *) conflicts+=("$name is set in a form install.sh does not parse (BART needs '$value')") ;;
    esac
  done < <(fragment_pairs "$fragment")
  if [ "${#conflicts[@]}" -gt 0 ]; then
    die "$site already sets properties BART needs; edit them by hand (nothing was changed):$(printf '\n  %s' "${conflicts[@]}")"
  fi
  if [ "${#missing[@]}" -eq 0 ]; then
    mv "$base" "$out"
    return
  fi
  awk -v begin="  $SITE_BLOCK_BEGIN" -v end="  $SITE_BLOCK_END" -v props="$(fragment_properties "$fragment" "${missing[@]}")" '
    { line[NR] = $0; if (index($0, "</configuration>")) last = NR }
    END {
      for (i = 1; i <= NR; i++) {
        if (i != last) { print line[i]; continue }
        # the tag may share its line with other text: the block goes right before the tag
        p = 0
        for (s = line[i]; (k = index(s, "</configuration>")) > 0; s = substr(s, k + 1)) p += k
        head = substr(line[i], 1, p - 1)
        tail = line[i]
        if (head ~ /[^ \t]/) { print head; tail = substr(line[i], p) }
        print begin; print props; print end; print tail
      }
    }' "$base" > "$out"
  rm -f "$base"
}

# replace_file TARGET NEW: moves NEW over TARGET atomically, keeping TARGET's mode and owner.
replace_file() {
  local target="$1" new="$2" staged
  staged="$(mktemp "$(dirname "$target")/.$(basename "$target").XXXXXX")"
  if [ -e "$target" ]; then
    cp -p "$target" "$staged"
  else
    chmod 0644 "$staged"
  fi
  cat "$new" > "$staged"
  mv -f "$staged" "$target"
}
