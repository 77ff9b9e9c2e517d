# Sourced by the scripts that run Python tools (tests/interop/run.sh, benches/moto/run.sh):
# `python_venv VENV REQUIREMENTS` makes a virtualenv at VENV with the pinned REQUIREMENTS installed
# from PyPI, reinstalling only when the pins changed.
python_venv() {
  local venv="$1" requirements="$2"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
  fi
  local stamp="$venv/.requirements"
  if ! cmp -s "$requirements" "$stamp"; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
  fi
}
