# Compiled by scripts/compile_templates.py from templates/poster_card.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'poster_card.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_dose_amount = l_0_dose_details = missing
    pass
    included_template = environment.get_template('macros.xml', 'poster_card.xml')._get_default_module(context)
    l_0_dose_amount = getattr(included_template, 'dose_amount', missing)
    if l_0_dose_amount is missing:
        l_0_dose_amount = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'poster_card.xml') does not export the requested name 'dose_amount'", name='dose_amount')
    l_0_dose_details = getattr(included_template, 'dose_details', missing)
    if l_0_dose_details is missing:
        l_0_dose_details = undefined(f"the template {included_template.__name__!r} (imported on line 5 in 'poster_card.xml') does not export the requested name 'dose_details'", name='dose_details')
    context.vars.update({'dose_amount': l_0_dose_amount, 'dose_details': l_0_dose_details})
    context.exported_vars.difference_update(('dose_amount', 'dose_details'))
    yield from context.blocks['name'][0](context)
    yield from context.blocks['cues'][0](context)
    yield from context.blocks['dose'][0](context)
    yield from context.blocks['tempo'][0](context)
    yield from context.blocks['caution'][0](context)
    yield from context.blocks['video'][0](context)
    yield from context.blocks['extra'][0](context)

def block_name(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_ex = resolve('ex')
    pass
    yield '<p style="name">'
    yield escape(environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'name'))
    yield '</p>\n'

def block_cues(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_cues = resolve('cues')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    l_1_loop = missing
    for l_1_cue, l_1_loop in LoopContext((undefined(name='cues') if l_0_cues is missing else l_0_cues), undefined):
        _loop_vars = {}
        pass
        yield '<li style="cue" bullet="'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        yield escape(t_1(l_1_cue))
        yield '</li>\n'
    l_1_loop = l_1_cue = missing

def block_dose(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_ex = resolve('ex')
    l_0_dose_amount = resolve('dose_amount')
    l_0_amount = resolve('amount')
    l_0_dose_details = resolve('dose_details')
    l_0_phase = resolve('phase')
    pass
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'dose'):
        pass
        l_0_amount = environment.call(context, (undefined(name='dose_amount') if l_0_dose_amount is missing else l_0_dose_amount), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'dose'), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'side'), _block_vars=_block_vars)
        _block_vars['amount'] = l_0_amount
        if (undefined(name='amount') if l_0_amount is missing else l_0_amount):
            pass
            yield '<p style="dose">'
            yield escape((undefined(name='amount') if l_0_amount is missing else l_0_amount))
            yield '</p>\n'
        yield '<p style="'
        yield escape(('dose_more' if (undefined(name='amount') if l_0_amount is missing else l_0_amount) else 'dose'))
        yield '">'
        yield escape(environment.call(context, (undefined(name='dose_details') if l_0_dose_details is missing else l_0_dose_details), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'dose'), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'side'), (undefined(name='phase') if l_0_phase is missing else l_0_phase), _block_vars=_block_vars))
        yield '</p>\n'

def block_tempo(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_ex = resolve('ex')
    pass
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'tempo'):
        pass
        yield '<tempo/>\n'

def block_caution(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_ex = resolve('ex')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'cautions'):
        pass
        yield '<p style="caution"><b>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cautions'))
        yield ':</b> '
        yield escape(t_1(environment.getitem(environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'cautions'), 0)))
        yield '</p>\n'

def block_video(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_ex = resolve('ex')
    pass
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'video'):
        pass
        yield '<qr/>\n'

def block_extra(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'name': block_name, 'cues': block_cues, 'dose': block_dose, 'tempo': block_tempo, 'caution': block_caution, 'video': block_video, 'extra': block_extra}
debug_info = '5=12&6=21&9=22&14=23&23=24&28=25&33=26&38=27&6=29&7=39&9=42&10=58&11=62&14=68&15=81&16=83&17=85&18=88&20=91&23=96&24=105&28=109&29=125&30=128&33=133&34=142&38=146'
