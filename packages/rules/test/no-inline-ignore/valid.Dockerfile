# hadolint global ignore=DL3003
# dockfix-ignore-file merge-run
# hadolint shell=powershell
# foobar
FROM debian:12
# check=skip=JSONArgsRecommended
CMD make
