# Danfoss (manufacturer code DFS) heat meters. Sources: shared/docs/danfoss.md (data sheets,
# manuals, real telegrams). Rules are tried top to bottom; the first match names the record.
# Columns of 'record': quantity | storage | tariff | subunit | function | modifier | recordError | name | English | Russian
# Columns of 'error':  digit (0 = most significant of 4) | bit | code | stops integration | English | Russian

profile      | Danfoss heat meters (SonoSafe 10, SonoSelect 10, Sonometer 500/1000/1100, SonoMeter 30/40, M-Cal)
manufacturer | DFS
versions     | *

# Energy: heating registers accumulate in forward flow (VIFE 3B), cooling in backward flow (3C).
record | energy | 0 | 0 | 0 | instantaneous | ACCUMULATION_NEGATIVE | * | coolingEnergy | Cooling energy | Энергия охлаждения
record | energy | >0 | 0 | 0 | instantaneous | ACCUMULATION_NEGATIVE | * | coolingEnergyDueDate | Cooling energy at due date | Энергия охлаждения на расчётную дату
record | energy | 0 | 0 | 0 | instantaneous | * | * | heatEnergy | Heat energy | Тепловая энергия
record | energy | >0 | 0 | 0 | instantaneous | * | * | heatEnergyDueDate | Heat energy at due date | Тепловая энергия на расчётную дату
record | energy | 0 | * | 0 | instantaneous | * | * | tariffEnergy | Tariff register energy | Энергия по тарифному регистру
record | energy | >0 | * | 0 | instantaneous | * | * | tariffEnergyDueDate | Tariff register energy at due date | Энергия по тарифному регистру на расчётную дату

# Volumes: subunit 0 is the heat meter's own flow sensor, subunits 1 and 2 the pulse inputs
# (cold and hot water meters counted by the heat meter).
record | volume | 0 | 0 | 0 | instantaneous | * | * | volume | Heat carrier volume | Объём теплоносителя
record | volume | >0 | 0 | 0 | instantaneous | * | * | volumeDueDate | Heat carrier volume at due date | Объём теплоносителя на расчётную дату
record | volume | 0 | * | 0 | instantaneous | * | * | tariffVolume | Tariff register volume | Объём по тарифному регистру
record | volume | 0 | 0 | 1 | instantaneous | * | * | pulseInput1Volume | Pulse input 1 volume (water meter) | Объём по импульсному входу 1 (счётчик воды)
record | volume | >0 | 0 | 1 | instantaneous | * | * | pulseInput1VolumeDueDate | Pulse input 1 volume at due date | Объём по импульсному входу 1 на расчётную дату
record | volume | 0 | 0 | 2 | instantaneous | * | * | pulseInput2Volume | Pulse input 2 volume (water meter) | Объём по импульсному входу 2 (счётчик воды)
record | volume | >0 | 0 | 2 | instantaneous | * | * | pulseInput2VolumeDueDate | Pulse input 2 volume at due date | Объём по импульсному входу 2 на расчётную дату

# Instantaneous values. Sleeping radio meters send them as function 'error' filled with 2F: the
# decoder reports those as unavailable, the names stay the same.
record | power | * | * | * | maximum | * | * | maxPower | Maximum power | Максимальная мощность
record | power | * | * | * | * | * | * | power | Thermal power | Тепловая мощность
record | volumeFlow | * | * | * | maximum | * | * | maxVolumeFlow | Maximum flow rate | Максимальный расход
record | volumeFlow | * | * | * | * | * | * | volumeFlow | Flow rate | Расход
record | flowTemperature | * | * | * | * | * | * | flowTemperature | Flow temperature | Температура подающего трубопровода
record | returnTemperature | * | * | * | * | * | * | returnTemperature | Return temperature | Температура обратного трубопровода
record | temperatureDifference | * | * | * | * | * | * | temperatureDifference | Temperature difference | Разность температур

# Times and dates.
record | date | >0 | * | * | * | * | * | dueDate | Due date | Расчётная дата
record | dateTime | 0 | * | * | error | * | * | errorSince | Start of the current error | Начало текущей ошибки
record | dateTime | 0 | * | * | * | * | * | meterClock | Meter clock | Часы счётчика
record | dateTime | >0 | * | * | * | * | * | dueDate | Due date | Расчётная дата
# Diehl-made meters (Sonometer 1000/1100) count the time in error as operating time with VIFE 18.
record | operatingTime | * | * | * | * | * | 0x18 | errorTime | Time in error | Время работы в состоянии ошибки
record | operatingTime | * | * | * | * | * | * | operatingTime | Operating time | Время наработки
record | onTime | * | * | * | * | * | * | onTime | Time powered | Время работы
record | errorFlags | * | * | * | * | * | * | errorCode | Error code | Код ошибки
record | fabricationNumber | * | * | * | * | * | * | fabricationNumber | Fabrication number | Заводской номер

# Error code of the SonoMeter 30/40 family: four hex digits, each a sum of bits, in the order the
# manual lists them (calculator, T2 return sensor, T1 supply sensor, flow sensor). Unverified on
# SonoSafe/SonoSelect 10, whose code list is not public: correct here when it is known.
error | 0 | 1 | BATTERY_END | no | Battery end or no mains power | Разряд батареи или нет сетевого питания
error | 0 | 2 | DT_ABOVE_LIMIT | no | Temperature difference above limit | Разность температур выше предела
error | 0 | 4 | DT_BELOW_LIMIT | no | Temperature difference below limit | Разность температур ниже предела
error | 0 | 8 | ELECTRONICS_FAILURE | yes | Electronics failure | Отказ электроники
error | 1 | 4 | T2_SHORT_CIRCUIT | no | Return sensor (T2) short circuit | Короткое замыкание датчика обратки (T2)
error | 1 | 8 | T2_DISCONNECTED | yes | Return sensor (T2) disconnected | Обрыв датчика обратки (T2)
error | 2 | 4 | T1_SHORT_CIRCUIT | no | Supply sensor (T1) short circuit | Короткое замыкание датчика подачи (T1)
error | 2 | 8 | T1_DISCONNECTED | yes | Supply sensor (T1) disconnected | Обрыв датчика подачи (T1)
error | 3 | 1 | NO_FLOW_SIGNAL | no | No flow signal or air in the pipe | Нет сигнала расхода или воздух в трубе
error | 3 | 2 | REVERSE_FLOW | no | Reverse flow | Обратный поток
error | 3 | 4 | FLOW_ABOVE_LIMIT | no | Flow above 1.2 qs | Расход выше 1,2 qs
error | 3 | 8 | FLOW_SENSOR_FAILURE | yes | Flow sensor hardware failure | Отказ датчика расхода
