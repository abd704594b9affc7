# Compiled by scripts/compile_templates.py from templates/contents.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'contents.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_entries = resolve('entries')
    pass
    yield '<h style="h1" key="contents" level="0">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'contents'))
    yield '</h>\n'
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        yield '<entry href="#'
        yield escape(environment.getattr(l_1_entry, 'key'))
        yield '" page="'
        yield escape(environment.getattr(l_1_entry, 'page'))
        yield '" level="'
        yield escape(environment.getattr(l_1_entry, 'level'))
        yield '">'
        yield escape(environment.getattr(l_1_entry, 'title'))
        yield '</entry>\n'
    l_1_entry = missing

blocks = {}
debug_info = '2=14&3=16&4=20'
