# Compiled by scripts/compile_templates.py from templates/macros.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'macros.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_amount = l_0_one_side = l_0_dose_text = l_0_tempo_text = l_0_dose_amount = l_0_dose_details = l_0_dose_short = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['nobreak']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'nobreak' found.")
    try:
        t_3 = environment.filters['numbers']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'numbers' found.")
    try:
        t_4 = environment.filters['seconds']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'seconds' found.")
    try:
        t_5 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_6 = environment.tests['count']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'count' found.")
    try:
        t_7 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_d, l_1_between, l_1_side):
        t_8 = []
        l_1_t = resolve('t')
        l_1_reps = missing
        if l_1_d is missing:
            l_1_d = undefined("parameter 'd' was not provided", name='d')
        if l_1_between is missing:
            l_1_between = undefined("parameter 'between' was not provided", name='between')
        if l_1_side is missing:
            l_1_side = None
        pass
        l_1_reps = (markup_join((t_3(environment.getattr(l_1_d, 'reps')), (markup_join(('\xa0', environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'reps'), )) if t_6(environment.getattr(l_1_d, 'reps')) else ''), )) if environment.getattr(l_1_d, 'reps') else '')
        l_1_reps = (markup_join(((undefined(name='reps') if l_1_reps is missing else l_1_reps), ' ', t_2(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'each_side')), )) if ((undefined(name='reps') if l_1_reps is missing else l_1_reps) and (l_1_side == 'each')) else (undefined(name='reps') if l_1_reps is missing else l_1_reps))
        if (environment.getattr(l_1_d, 'sets') and environment.getattr(l_1_d, 'reps')):
            pass
            t_8.append(
                escape(markup_join((environment.getattr(l_1_d, 'sets'), l_1_between, (undefined(name='reps') if l_1_reps is missing else l_1_reps), ))),
            )
        elif environment.getattr(l_1_d, 'sets'):
            pass
            t_8.append(
                escape(markup_join((environment.getattr(l_1_d, 'sets'), '\xa0', environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'sets'), ))),
            )
        else:
            pass
            t_8.append(
                escape((undefined(name='reps') if l_1_reps is missing else l_1_reps)),
            )
        return concat(t_8)
    context.exported_vars.add('amount')
    context.vars['amount'] = l_0_amount = Macro(environment, macro, 'amount', ('d', 'between', 'side'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_side):
        t_9 = []
        l_1_t = resolve('t')
        if l_1_side is missing:
            l_1_side = undefined("parameter 'side' was not provided", name='side')
        pass
        t_9.append(
            escape((t_2(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), markup_join((l_1_side, '_only', )))) if (l_1_side in ('left', 'right')) else '')),
        )
        return concat(t_9)
    context.exported_vars.add('one_side')
    context.vars['one_side'] = l_0_one_side = Macro(environment, macro, 'one_side', ('side',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_d, l_1_side):
        t_10 = []
        l_1_t = resolve('t')
        if l_1_d is missing:
            l_1_d = undefined("parameter 'd' was not provided", name='d')
        if l_1_side is missing:
            l_1_side = None
        pass
        t_10.append(
            escape(t_1(context.eval_ctx, t_5(context, [environment.call(context, (undefined(name='amount') if l_0_amount is missing else l_0_amount), l_1_d, markup_join(('\xa0', environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'sets'), ' × ', )), l_1_side), environment.call(context, (undefined(name='one_side') if l_0_one_side is missing else l_0_one_side), l_1_side), (markup_join((environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'hold'), '\xa0', t_4(environment.getattr(l_1_d, 'hold')), )) if environment.getattr(l_1_d, 'hold') else ''), (markup_join((environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'rest'), '\xa0', t_4(environment.getattr(l_1_d, 'rest')), )) if environment.getattr(l_1_d, 'rest') else ''), (environment.getattr(l_1_d, 'frequency') or t_2(markup_join((environment.getattr(l_1_d, 'per_week'), ' ', environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'per_week'), ))))]), '\xa0· ')),
        )
        return concat(t_10)
    context.exported_vars.add('dose_text')
    context.vars['dose_text'] = l_0_dose_text = Macro(environment, macro, 'dose_text', ('d', 'side'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_tempo):
        t_11 = []
        l_1_namespace = resolve('namespace')
        l_1_line = missing
        if l_1_tempo is missing:
            l_1_tempo = undefined("parameter 'tempo' was not provided", name='tempo')
        pass
        l_1_line = environment.call(context, (undefined(name='namespace') if l_1_namespace is missing else l_1_namespace), parts=[])
        def t_12(fiter):
            for l_2_phase in fiter:
                if (not t_7(environment.getitem(l_1_tempo, l_2_phase))):
                    yield l_2_phase
        for l_2_phase in t_12(('lift', 'hold', 'lower', 'pause')):
            l_2_t = resolve('t')
            _loop_vars = {}
            pass
            if not isinstance(l_1_line, Namespace):
                raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
            l_1_line['parts'] = (environment.getattr((undefined(name='line') if l_1_line is missing else l_1_line), 'parts') + [markup_join((environment.getitem((undefined(name='t') if l_2_t is missing else l_2_t), l_2_phase), '\xa0', t_4(environment.getitem(l_1_tempo, l_2_phase)), ))])
        l_2_phase = l_2_t = missing
        t_11.append(
            escape(t_1(context.eval_ctx, environment.getattr((undefined(name='line') if l_1_line is missing else l_1_line), 'parts'), '\xa0· ')),
        )
        return concat(t_11)
    context.exported_vars.add('tempo_text')
    context.vars['tempo_text'] = l_0_tempo_text = Macro(environment, macro, 'tempo_text', ('tempo',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_d, l_1_side):
        t_13 = []
        l_1_t = resolve('t')
        if l_1_d is missing:
            l_1_d = undefined("parameter 'd' was not provided", name='d')
        if l_1_side is missing:
            l_1_side = None
        pass
        t_13.append(
            escape((environment.call(context, (undefined(name='amount') if l_0_amount is missing else l_0_amount), l_1_d, ' × ', l_1_side) or (t_2(markup_join((environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'hold'), ' ', t_4(environment.getattr(l_1_d, 'hold')), ))) if environment.getattr(l_1_d, 'hold') else ''))),
        )
        return concat(t_13)
    context.exported_vars.add('dose_amount')
    context.vars['dose_amount'] = l_0_dose_amount = Macro(environment, macro, 'dose_amount', ('d', 'side'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_d, l_1_side, l_1_phase):
        t_14 = []
        l_1_t = resolve('t')
        if l_1_d is missing:
            l_1_d = undefined("parameter 'd' was not provided", name='d')
        if l_1_side is missing:
            l_1_side = None
        if l_1_phase is missing:
            l_1_phase = None
        pass
        t_14.append(
            escape(t_1(context.eval_ctx, t_5(context, [(l_1_phase or ''), environment.call(context, (undefined(name='one_side') if l_0_one_side is missing else l_0_one_side), l_1_side), (t_2(markup_join((environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'hold'), ' ', t_4(environment.getattr(l_1_d, 'hold')), ))) if (environment.getattr(l_1_d, 'hold') and environment.call(context, (undefined(name='amount') if l_0_amount is missing else l_0_amount), l_1_d, ' × ')) else ''), (t_2(markup_join((environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'rest'), ' ', t_4(environment.getattr(l_1_d, 'rest')), ))) if environment.getattr(l_1_d, 'rest') else ''), (environment.getattr(l_1_d, 'frequency') or t_2(markup_join((environment.getattr(l_1_d, 'per_week'), '× ', environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'a_week'), ))))]), '\xa0· ')),
        )
        return concat(t_14)
    context.exported_vars.add('dose_details')
    context.vars['dose_details'] = l_0_dose_details = Macro(environment, macro, 'dose_details', ('d', 'side', 'phase'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_d, l_1_side):
        t_15 = []
        if l_1_d is missing:
            l_1_d = undefined("parameter 'd' was not provided", name='d')
        if l_1_side is missing:
            l_1_side = None
        pass
        t_15.append(
            escape(t_1(context.eval_ctx, t_5(context, [environment.call(context, (undefined(name='dose_amount') if l_0_dose_amount is missing else l_0_dose_amount), l_1_d, l_1_side), environment.call(context, (undefined(name='dose_details') if l_0_dose_details is missing else l_0_dose_details), l_1_d, l_1_side)]), '\xa0· ')),
        )
        return concat(t_15)
    context.exported_vars.add('dose_short')
    context.vars['dose_short'] = l_0_dose_short = Macro(environment, macro, 'dose_short', ('d', 'side'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '7=54&8=65&9=66&10=67&11=70&12=72&13=75&15=80&19=86&20=93&23=99&28=108&31=114&32=121&33=122&34=132&36=135&43=140&44=149&47=155&53=166&56=172&57=180'
