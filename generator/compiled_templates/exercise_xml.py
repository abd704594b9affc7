# Compiled by scripts/compile_templates.py from templates/exercise.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'exercise.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_dose_text = l_0_tempo_text = l_0_spec_row = l_0_spec = missing
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    included_template = environment.get_template('macros.xml', 'exercise.xml')._get_default_module(context)
    l_0_dose_text = getattr(included_template, 'dose_text', missing)
    if l_0_dose_text is missing:
        l_0_dose_text = undefined(f"the template {included_template.__name__!r} (imported on line 9 in 'exercise.xml') does not export the requested name 'dose_text'", name='dose_text')
    l_0_tempo_text = getattr(included_template, 'tempo_text', missing)
    if l_0_tempo_text is missing:
        l_0_tempo_text = undefined(f"the template {included_template.__name__!r} (imported on line 9 in 'exercise.xml') does not export the requested name 'tempo_text'", name='tempo_text')
    context.vars.update({'dose_text': l_0_dose_text, 'tempo_text': l_0_tempo_text})
    context.exported_vars.difference_update(('dose_text', 'tempo_text'))
    def macro(l_1_label, l_1_value, l_1_style, l_1_stacked):
        t_3 = []
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_style is missing:
            l_1_style = undefined("parameter 'style' was not provided", name='style')
        if l_1_stacked is missing:
            l_1_stacked = undefined("parameter 'stacked' was not provided", name='stacked')
        pass
        if l_1_stacked:
            pass
            t_3.extend((
                '<p style="spec_label">',
                escape(l_1_label),
                '</p>\n<p style="',
                escape(('strong' if (l_1_style == 'spec_strong') else 'body')),
                '">',
                escape(l_1_value),
                '</p>\n<space h="4"/>\n',
            ))
        else:
            pass
            t_3.extend((
                '<li style="',
                escape(l_1_style),
                '" bullet="',
                escape(l_1_label),
                '">',
                escape(l_1_value),
                '</li>\n',
            ))
        return concat(t_3)
    context.exported_vars.add('spec_row')
    context.vars['spec_row'] = l_0_spec_row = Macro(environment, macro, 'spec_row', ('label', 'value', 'style', 'stacked'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_stacked, l_1_bar):
        t_4 = []
        l_1_phases = resolve('phases')
        l_1_ex = resolve('ex')
        l_1_t = resolve('t')
        l_1_label_share = resolve('label_share')
        if l_1_stacked is missing:
            l_1_stacked = undefined("parameter 'stacked' was not provided", name='stacked')
        if l_1_bar is missing:
            l_1_bar = True
        pass
        if (undefined(name='phases') if l_1_phases is missing else l_1_phases):
            pass
            l_2_loop = missing
            for l_2_phase, l_2_loop in LoopContext((undefined(name='phases') if l_1_phases is missing else l_1_phases), undefined):
                _loop_vars = {}
                pass
                t_4.extend((
                    escape(environment.call(context, (undefined(name='spec_row') if l_0_spec_row is missing else l_0_spec_row), (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'dose') if environment.getattr(l_2_loop, 'first') else ''), markup_join((environment.getattr(l_2_phase, 'name'), ', ', environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'week'), '\xa0', environment.getattr(l_2_phase, 'weeks'), ': ', environment.call(context, (undefined(name='dose_text') if l_0_dose_text is missing else l_0_dose_text), environment.getattr(l_2_phase, 'dose'), environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'side'), _loop_vars=_loop_vars), )), 'spec', l_1_stacked, _loop_vars=_loop_vars)),
                    '\n',
                ))
            l_2_loop = l_2_phase = missing
        elif environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'dose'):
            pass
            t_4.append(
                escape(environment.call(context, (undefined(name='spec_row') if l_0_spec_row is missing else l_0_spec_row), environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'dose'), environment.call(context, (undefined(name='dose_text') if l_0_dose_text is missing else l_0_dose_text), environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'dose'), environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'side')), 'spec_strong', l_1_stacked)),
            )
        if environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'tempo'):
            pass
            if (not l_1_bar):
                pass
                t_4.extend((
                    escape(environment.call(context, (undefined(name='spec_row') if l_0_spec_row is missing else l_0_spec_row), environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'tempo'), environment.call(context, (undefined(name='tempo_text') if l_0_tempo_text is missing else l_0_tempo_text), environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'tempo')), 'spec', l_1_stacked)),
                    '\n',
                ))
            elif l_1_stacked:
                pass
                t_4.extend((
                    '<p style="spec_label">',
                    escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'tempo')),
                    '</p>\n<tempo/>\n<space h="4"/>\n',
                ))
            else:
                pass
                t_4.extend((
                    '<columns>\n<col width="',
                    escape(t_1('%.2f', (undefined(name='label_share') if l_1_label_share is missing else l_1_label_share))),
                    '%"><space h="6"/><p style="spec_label">',
                    escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'tempo')),
                    '</p></col>\n<col width="',
                    escape(t_1('%.2f', (100 - (undefined(name='label_share') if l_1_label_share is missing else l_1_label_share)))),
                    '%"><tempo/></col>\n</columns>\n',
                ))
        if environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'targets'):
            pass
            t_4.append(
                escape(environment.call(context, (undefined(name='spec_row') if l_0_spec_row is missing else l_0_spec_row), environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'targets'), t_2(context.eval_ctx, environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'targets'), ', '), 'spec', l_1_stacked)),
            )
        if environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'equipment'):
            pass
            t_4.append(
                escape(environment.call(context, (undefined(name='spec_row') if l_0_spec_row is missing else l_0_spec_row), environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'equipment'), t_2(context.eval_ctx, environment.getattr((undefined(name='ex') if l_1_ex is missing else l_1_ex), 'equipment'), ', '), 'spec', l_1_stacked)),
            )
        return concat(t_4)
    context.exported_vars.add('spec')
    context.vars['spec'] = l_0_spec = Macro(environment, macro, 'spec', ('stacked', 'bar'), False, False, False, context.eval_ctx.autoescape)
    yield from context.blocks['top'][0](context)
    yield from context.blocks['body'][0](context)
    yield from context.blocks['extra'][0](context)

def block_top(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_block = resolve('block')
    l_0_mark = resolve('mark')
    l_0_key = resolve('key')
    l_0_level = resolve('level')
    l_0_ex = resolve('ex')
    l_0_half = resolve('half')
    l_0_spec = resolve('spec')
    l_0_narrow = resolve('narrow')
    try:
        t_5 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    try:
        t_6 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '<keep>\n'
    if (undefined(name='block') if l_0_block is missing else l_0_block):
        pass
        yield '<p style="label">'
        yield escape((undefined(name='block') if l_0_block is missing else l_0_block))
        if (undefined(name='mark') if l_0_mark is missing else l_0_mark):
            pass
            yield ' · '
            yield escape((undefined(name='mark') if l_0_mark is missing else l_0_mark))
        yield '</p>\n'
    yield '<h style="h1" key="'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '" level="'
    yield escape(t_5((undefined(name='level') if l_0_level is missing else l_0_level), 1))
    yield '">'
    yield escape(environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'name'))
    yield '</h>\n'
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'summary'):
        pass
        yield '<p style="lead">'
        yield escape(t_6(environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'summary')))
        yield '</p>\n'
    if (undefined(name='half') if l_0_half is missing else l_0_half):
        pass
        yield '<columns>\n<col width="40%">\n<image/>\n</col>\n<col width="60%">\n'
        yield escape(environment.call(context, (undefined(name='spec') if l_0_spec is missing else l_0_spec), (undefined(name='narrow') if l_0_narrow is missing else l_0_narrow), bar=False, _block_vars=_block_vars))
        yield '\n</col>\n</columns>\n'
    else:
        pass
        yield '<image/>\n<space h="5"/>\n'
        if (((environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'dose') or environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'tempo')) or environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'targets')) or environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'equipment')):
            pass
            yield '<box style="dose">\n'
            yield escape(environment.call(context, (undefined(name='spec') if l_0_spec is missing else l_0_spec), (undefined(name='narrow') if l_0_narrow is missing else l_0_narrow), _block_vars=_block_vars))
            yield '\n</box>\n'
    yield '</keep>\n'

def block_body(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_ex = resolve('ex')
    l_0_t = resolve('t')
    l_0_narrow = resolve('narrow')
    l_0_ways = missing
    try:
        t_6 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_7 = environment.filters['paragraphs']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'paragraphs' found.")
    pass
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'setup'):
        pass
        yield '<p style="h2">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'setup'))
        yield '</p>\n'
        for l_1_para in t_7(environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'setup')):
            _loop_vars = {}
            pass
            yield '<p style="body">'
            yield escape(l_1_para)
            yield '</p>\n'
        l_1_para = missing
    yield '<p style="h2">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'steps'))
    yield '</p>\n'
    l_1_loop = missing
    for l_1_step, l_1_loop in LoopContext(environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'steps'), undefined):
        _loop_vars = {}
        pass
        yield '<li style="step" bullet="'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '.">'
        yield escape(t_6(l_1_step))
        yield '</li>\n'
    l_1_loop = l_1_step = missing
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'breathing'):
        pass
        yield '<p style="h2">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'breathing'))
        yield '</p>\n<p style="body">'
        yield escape(t_6(environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'breathing')))
        yield '</p>\n'
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'cautions'):
        pass
        yield '<box style="caution">\n<p style="box_title">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cautions'))
        yield '</p>\n'
        for l_1_item in environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'cautions'):
            _loop_vars = {}
            pass
            yield '<li style="bullet">'
            yield escape(t_6(l_1_item))
            yield '</li>\n'
        l_1_item = missing
        yield '</box>\n'
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'mistakes'):
        pass
        yield '<keep>\n<p style="h2">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'mistakes'))
        yield '</p>\n'
        for l_1_item in environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'mistakes'):
            _loop_vars = {}
            pass
            yield '<li style="bullet">'
            yield escape(t_6(l_1_item))
            yield '</li>\n'
        l_1_item = missing
        yield '</keep>\n'
    def macro(l_1_title, l_1_items):
        t_8 = []
        if l_1_title is missing:
            l_1_title = undefined("parameter 'title' was not provided", name='title')
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        pass
        t_8.extend((
            '<p style="h2">',
            escape(l_1_title),
            '</p>\n',
        ))
        for l_2_item in l_1_items:
            _loop_vars = {}
            pass
            t_8.extend((
                '<li style="bullet">',
                escape(t_6(l_2_item)),
                '</li>\n',
            ))
        l_2_item = missing
        return concat(t_8)
    l_0_ways = Macro(environment, macro, 'ways', ('title', 'items'), False, False, False, context.eval_ctx.autoescape)
    if ((environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'regressions') and environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'progressions')) and (not (undefined(name='narrow') if l_0_narrow is missing else l_0_narrow))):
        pass
        yield '<columns>\n<col>'
        yield escape(environment.call(context, (undefined(name='ways') if l_0_ways is missing else l_0_ways), environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'regressions'), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'regressions'), _block_vars=_block_vars))
        yield '</col>\n<col>'
        yield escape(environment.call(context, (undefined(name='ways') if l_0_ways is missing else l_0_ways), environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'progressions'), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'progressions'), _block_vars=_block_vars))
        yield '</col>\n</columns>\n'
    else:
        pass
        def t_9(fiter):
            for (l_1_title, l_1_items) in fiter:
                if l_1_items:
                    yield (l_1_title, l_1_items)
        for (l_1_title, l_1_items) in t_9([(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'regressions'), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'regressions')), (environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'progressions'), environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'progressions'))]):
            _loop_vars = {}
            pass
            yield '<keep>'
            yield escape(environment.call(context, (undefined(name='ways') if l_0_ways is missing else l_0_ways), l_1_title, l_1_items, _loop_vars=_loop_vars))
            yield '</keep>\n'
        l_1_title = l_1_items = missing
    if environment.getattr((undefined(name='ex') if l_0_ex is missing else l_0_ex), 'video'):
        pass
        yield '<p style="h2">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'video'))
        yield '</p>\n<qr/>\n'

def block_extra(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'top': block_top, 'body': block_body, 'extra': block_extra}
debug_info = '9=24&14=33&15=44&16=48&17=50&20=59&23=69&25=80&26=83&27=87&29=91&30=96&31=98&32=101&33=104&34=108&41=115&42=119&46=122&47=127&49=135&81=136&134=137&49=139&53=168&54=171&56=178&57=184&58=187&60=189&67=192&73=197&75=200&81=204&82=228&83=231&84=233&85=237&88=241&89=244&90=248&92=253&93=256&94=258&96=260&98=263&99=265&100=269&104=273&106=276&107=278&108=282&113=286&114=295&115=298&116=303&119=309&121=312&122=314&125=318&126=326&129=329&130=332&134=335'
