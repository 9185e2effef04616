"""`footback prompt SHELL`: a shell function that shows what is due in the prompt without starting
Python. It reads the state file (daily/prompt_state.py) with the shell's own builtins and sets
`FOOTBACK_DUE` to what `footback due` would print, or to nothing."""

from __future__ import annotations

import shlex
from pathlib import Path

from footback.core.errors import BadInputError

SHELLS = ("bash", "zsh", "fish")

# bash 4.2+ and zsh: `printf '%(%s)T'` and zsh/datetime's EPOCHSECONDS are builtins, so a prompt
# forks nothing. Numbers are checked before any arithmetic (shell arithmetic would run a `$(...)`).
_BASH = r"""# footback: what is due today, in your prompt (footback prompt bash). Put ${FOOTBACK_DUE} in PS1.
__footback_due() {
    FOOTBACK_DUE=
    # C locale: [[:print:]] is printable ASCII, byte by byte, whatever the person's locale.
    local LC_ALL=C now tag version start end from text shown=
    # A regular file only: reading a FIFO put in its place would hang the prompt.
    [[ -f STATE ]] || return 0
    printf -v now '%(%s)T' -1
    {
        read -r tag version start end || return 0
        [[ $tag == footback-due && $version == 1 && $start =~ ^[0-9]+$ && $end =~ ^[0-9]+$ ]] || return 0
        (( start <= now && now < end )) || return 0
        while read -r from text; do
            [[ $from =~ ^[0-9]+$ ]] && (( from <= now )) || continue
            # footback writes printable ASCII only; anything else was not written by footback.
            [[ -n $text && $text != *[![:print:]]* ]] || continue
            [[ ", $shown, " == *", $text, "* ]] && continue
            shown+="${shown:+, }$text"
        done
    } 2>/dev/null <STATE
    [[ -n $shown ]] && FOOTBACK_DUE="footback due: $shown"
    return 0
}
[[ ";${PROMPT_COMMAND[*]};" == *";__footback_due;"* ]] ||
    PROMPT_COMMAND="__footback_due${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
"""

# zsh's `read` reads a file a byte at a time; zsh/mapfile reads it whole, without a process.
_ZSH = r"""# footback: what is due today, in your prompt (footback prompt zsh). Put ${FOOTBACK_DUE} in PROMPT
# (with setopt prompt_subst) or in RPROMPT.
zmodload zsh/datetime zsh/mapfile
__footback_due() {
    FOOTBACK_DUE=
    local LC_ALL=C now=$EPOCHSECONDS file=STATE line shown=
    local -a lines head
    [[ -f $file && -r $file ]] || return 0
    lines=("${(@f)mapfile[$file]}")
    head=(${=lines[1]})
    [[ ${#head} -eq 4 && $head[1] == footback-due && $head[2] == 1 && $head[3] == <-> && $head[4] == <-> ]] ||
        return 0
    (( head[3] <= now && now < head[4] )) || return 0
    for line in "${(@)lines[2,-1]}"; do
        [[ ${line%% *} == <-> ]] && (( ${line%% *} <= now )) || continue
        [[ $line == *' '?* && ${line#* } != *[^[:print:]]* ]] || continue
        [[ ", $shown, " == *", ${line#* }, "* ]] && continue
        shown+="${shown:+, }${line#* }"
    done
    # A % in the text would be a prompt escape.
    [[ -n $shown ]] && FOOTBACK_DUE="footback due: ${shown//\%/%%}"
    return 0
}
autoload -Uz add-zsh-hook
add-zsh-hook precmd __footback_due
"""

# fish has no clock builtin: `date +%s` is the one process it starts (about a millisecond).
_FISH = r"""# footback: what is due today, in your prompt (footback prompt fish).
# Call footback_due in your fish_prompt function.
function footback_due --description 'What footback says is due today'
    set -l state STATE
    test -f $state -a -r $state; or return 0
    set -l now (date +%s)
    set -l shown
    set -l first 1
    while read -l line
        set -l words (string split -m 1 ' ' -- $line)
        if test $first = 1
            set first 0
            set -l head (string split ' ' -- $line)
            test (count $head) -eq 4; and test $head[1] = footback-due; and test $head[2] = 1; or return 0
            string match -qr '^[0-9]+ [0-9]+$' -- "$head[3] $head[4]"; or return 0
            test $head[3] -le $now; and test $now -lt $head[4]; or return 0
            continue
        end
        test (count $words) -eq 2; or continue
        string match -qr '^[0-9]+$' -- $words[1]; or continue
        test $words[1] -le $now; or continue
        string match -qr '^[ -~]+$' -- $words[2]; or continue
        contains -- $words[2] $shown; or set -a shown $words[2]
    end <$state
    test (count $shown) -gt 0; and printf 'footback due: %s' (string join ', ' -- $shown)
    return 0
end
"""

_SNIPPETS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}


def snippet(shell: str, state: Path) -> str:
    """The shell code for `shell`, reading the state file at `state`."""
    if shell not in _SNIPPETS:
        from footback.core.suggest import did_you_mean
        from footback.core.text import quoted

        hint = did_you_mean(shell, SHELLS)
        shells = ", ".join(SHELLS)
        raise BadInputError(f"no prompt for the shell {quoted(shell[:40])}{hint} (shells: {shells})")
    return _SNIPPETS[shell].replace("STATE", shlex.quote(str(state)))
