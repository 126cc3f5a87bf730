#!/usr/bin/env python3
import os, sys
os.execvp(sys.argv[1], sys.argv[1:])
