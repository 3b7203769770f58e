def build_library(demo):
    pass
