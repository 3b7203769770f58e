from wagtail import hooks

from mmn_plugins.core.registry import DEMO_BUILDERS


# After every other plugin's builder: the index takes in what they made.
@hooks.register(DEMO_BUILDERS, order=1000)
def build_search_index(demo):
    from .indexing import rebuild

    written = rebuild()
    demo.log(f"Search: indexed {written} documents.")
